import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { PoliciesModule } from '../policies/policies.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

/** Opening complaints, the case list and views; CasesService is the façade other contexts use. */
@Module({
  imports: [PersistenceModule, TemporalModule, PoliciesModule],
  controllers: [CasesController],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
