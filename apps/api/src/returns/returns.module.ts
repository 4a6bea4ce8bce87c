import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { CasesModule } from '../cases/cases.module';
import { PoliciesModule } from '../policies/policies.module';
import { ReturnsController } from './returns.controller';
import { ReturnsService } from './returns.service';

/** Customers' own returns and exchanges (DOMAIN.md §2); their tasks go through TasksModule. */
@Module({
  imports: [PersistenceModule, TemporalModule, PoliciesModule, CasesModule],
  controllers: [ReturnsController],
  providers: [ReturnsService],
})
export class ReturnsModule {}
