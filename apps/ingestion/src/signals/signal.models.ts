import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../graphql/json.scalar';

/**
 * A signal as sent (contract §3). Every field is nullable on purpose: a signal missing its `id` or
 * `data` must be rejected alone with a per-signal error, not fail the whole call in GraphQL validation.
 */
@InputType('SignalInput')
export class SignalInput {
  @Field(() => String, { nullable: true }) id?: string | null;
  @Field(() => String, { nullable: true }) type?: string | null;
  @Field(() => String, { nullable: true }) accountId?: string | null;
  @Field(() => String, { nullable: true }) occurredAt?: string | null;
  @Field(() => JsonScalar, { nullable: true }) data?: unknown;
}

@ObjectType('SignalError')
export class SignalErrorModel {
  @Field(() => Int) index!: number;
  @Field(() => String, { nullable: true }) id!: string | null;
  @Field() path!: string;
  @Field() message!: string;
}

@ObjectType('IngestSignalsResult')
export class IngestSignalsResultModel {
  @Field(() => Int) accepted!: number;
  @Field(() => Int) duplicates!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => [SignalErrorModel]) errors!: SignalErrorModel[];
}
