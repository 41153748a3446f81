import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PipelineStatus')
export class PipelineStatusModel {
  /** Signals accepted whose detection work is not finished. */
  @Field(() => Int) backlog!: number;
  /** Age of the oldest such signal's batch; null when nothing is pending. */
  @Field(() => Int, { nullable: true }) oldestPendingAgeMs!: number | null;
}
