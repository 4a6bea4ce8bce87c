import { Global, Module } from '@nestjs/common';
import { CLOCK } from './common/clock';

/** The clock, available to every module (config: ConfigModule; database: PersistenceModule). */
@Global()
@Module({
  providers: [{ provide: CLOCK, useValue: () => new Date() }],
  exports: [CLOCK],
})
export class CoreModule {}
