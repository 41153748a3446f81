import { Module, type DynamicModule } from '@nestjs/common';
import { platformImports, type PlatformOptions } from '@tns/platform';
import { RiskRefresher } from './assessment/risk-refresher';
import { DetectionClock } from './enrichment/detection-clock';
import { IpIntelModule } from './enrichment/ip-intel.module';
import { ClusterBuilder } from './graph/cluster-builder';
import { DetectionProcessor } from './pipeline/detection.processor';
import { DetectSignalBatchUseCase } from './pipeline/detect-signal-batch.use-case';
import { RescreenSanctionsUseCase } from './sanctions/rescreen-sanctions.use-case';
import { SanctionsModule } from './sanctions/sanctions.module';

/** The detection worker: enrich → detect → score → cases, one accepted batch at a time. */
@Module({})
export class DetectionModule {
  static forRoot(options: Omit<PlatformOptions, 'app'>): DynamicModule {
    return {
      module: DetectionModule,
      imports: [...platformImports({ ...options, app: 'detection' }), IpIntelModule, SanctionsModule],
      providers: [DetectionClock, ClusterBuilder, RiskRefresher, DetectSignalBatchUseCase, RescreenSanctionsUseCase, DetectionProcessor],
    };
  }
}
