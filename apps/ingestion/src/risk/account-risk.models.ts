import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RiskLevelModel {
  NONE = 'NONE',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(RiskLevelModel, { name: 'RiskLevel' });

@ObjectType('RiskReason')
export class RiskReasonModel {
  @Field() code!: string;
  @Field() family!: string;
  @Field(() => Int) weight!: number;
  @Field() summary!: string;
}

@ObjectType('Cluster')
export class ClusterModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) size!: number;
}

@ObjectType('CaseRef')
export class CaseRefModel {
  @Field(() => ID) id!: string;
  @Field() queue!: string;
  @Field() status!: string;
}

/** Defined by the enforcement app; `NONE` until it acts on accounts. */
@ObjectType('EnforcementState')
export class EnforcementStateModel {
  @Field() state!: string;
}

/** Contract §4: an account of the caller's marketplace as detection sees it. */
@ObjectType('Account')
export class AccountModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) riskScore!: number;
  @Field(() => RiskLevelModel) riskLevel!: RiskLevelModel;
  @Field(() => [RiskReasonModel]) reasons!: RiskReasonModel[];
  @Field(() => ClusterModel, { nullable: true }) cluster!: ClusterModel | null;
  @Field(() => [CaseRefModel]) openCases!: CaseRefModel[];
  @Field(() => EnforcementStateModel) enforcement!: EnforcementStateModel;
}
