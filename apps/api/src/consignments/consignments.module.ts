import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { CasesModule } from '../cases/cases.module';
import { PoliciesModule } from '../policies/policies.module';
import { ConsignmentsController } from './consignments.controller';
import { ConsignmentsService } from './consignments.service';

/** Consignments (DOMAIN.md §4); their tasks go through TasksModule. */
@Module({
  imports: [PersistenceModule, TemporalModule, PoliciesModule, CasesModule],
  controllers: [ConsignmentsController],
  providers: [ConsignmentsService],
})
export class ConsignmentsModule {}
