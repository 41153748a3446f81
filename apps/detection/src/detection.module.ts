import { Module, type DynamicModule } from '@nestjs/common';
import { platformImports, type PlatformOptions } from '@tns/platform';
import { DetectionProcessor } from './pipeline/detection.processor';
import { DetectSignalBatchUseCase } from './pipeline/detect-signal-batch.use-case';

/** The detection worker: enrich → detect → score → cases, one accepted batch at a time. */
@Module({})
export class DetectionModule {
  static forRoot(options: Omit<PlatformOptions, 'app'>): DynamicModule {
    return {
      module: DetectionModule,
      imports: platformImports({ ...options, app: 'detection' }),
      providers: [DetectSignalBatchUseCase, DetectionProcessor],
    };
  }
}
