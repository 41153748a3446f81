import { Global, Module, type DynamicModule } from '@nestjs/common';
import { loadPlatformConfig, type PlatformConfig } from './platform-config';

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const APP_NAME = Symbol('APP_NAME');

/** The environment, validated once at boot and injected as a typed object. */
@Global()
@Module({})
export class ConfigModule {
  static forApp(appName: string, config: PlatformConfig = loadPlatformConfig()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: APP_NAME, useValue: appName },
      ],
      exports: [PLATFORM_CONFIG, APP_NAME],
    };
  }
}
