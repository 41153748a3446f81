import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Moderator')
export class ModeratorModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() role!: string;
  @Field(() => ID, { nullable: true, description: 'null: an operator-level admin across marketplaces' })
  marketplaceId!: string | null;
}

@ObjectType('Session')
export class SessionModel {
  @Field({ description: 'Send as "Authorization: Bearer <token>" on every review API call' })
  token!: string;
  @Field() expiresAt!: Date;
}
