import { Module } from '@nestjs/common';
import { AccountRiskResolver } from './account-risk.resolver';
import { GetAccountsRiskUseCase } from './get-accounts-risk.use-case';

/** Risk queries of the marketplace API (contract §4, scope risk:read); repositories come from the global DatabaseModule. */
@Module({ providers: [GetAccountsRiskUseCase, AccountRiskResolver] })
export class RiskModule {}
