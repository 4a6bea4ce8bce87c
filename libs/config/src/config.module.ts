import { Global, Module } from '@nestjs/common';
import { loadConfig } from './app-config';
import { APP_CONFIG } from './tokens';

/**
 * The one validated configuration (APP_CONFIG), global to the API and the worker: read once at
 * boot, failing fast with the variable's name.
 */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
