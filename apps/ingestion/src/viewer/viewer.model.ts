import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Marketplace')
export class MarketplaceModel {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
}

/** Who is calling: the API key's marketplace and scopes. */
@ObjectType('Viewer')
export class ViewerModel {
  @Field(() => MarketplaceModel) marketplace!: MarketplaceModel;
  @Field(() => [String]) scopes!: string[];
}
