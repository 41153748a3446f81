import { Module, type DynamicModule } from '@nestjs/common';
import { platformImports, type PlatformOptions } from '@tns/platform';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MaintenanceSchedule } from './maintenance/maintenance-schedule';

/** The enforcement worker: scheduled jobs that apply, expire and reverse actions. */
@Module({})
export class EnforcementModule {
  static forRoot(options: Omit<PlatformOptions, 'app'>): DynamicModule {
    return {
      module: EnforcementModule,
      imports: platformImports({ ...options, app: 'enforcement' }),
      providers: [MaintenanceProcessor, MaintenanceSchedule],
    };
  }
}
