import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { CasesModule } from '../cases/cases.module';
import { PoliciesModule } from '../policies/policies.module';
import { ImprovementsController } from './improvements.controller';
import { ImprovementsService } from './improvements.service';

/** F17 003 §四.4 improvement measures; their tasks go through TasksModule. */
@Module({
  imports: [PersistenceModule, TemporalModule, PoliciesModule, CasesModule],
  controllers: [ImprovementsController],
  providers: [ImprovementsService],
})
export class ImprovementsModule {}
