import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { CasesModule } from '../cases/cases.module';
import { PoliciesModule } from '../policies/policies.module';
import { RepairsController } from './repairs.controller';
import { RepairsService } from './repairs.service';

/** Taking service requests (DOMAIN.md §3); the repair's tasks go through TasksModule. */
@Module({
  imports: [PersistenceModule, TemporalModule, PoliciesModule, CasesModule],
  controllers: [RepairsController],
  providers: [RepairsService],
})
export class RepairsModule {}
