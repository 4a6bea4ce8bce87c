import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { CasesModule } from '../cases/cases.module';
import { PoliciesModule } from '../policies/policies.module';
import { MonthlyReviewsController } from './monthly-reviews.controller';
import { MonthlyReviewsService } from './monthly-reviews.service';

/** The monthly complaint review (001 §28); its tasks go through TasksModule. */
@Module({
  imports: [PersistenceModule, TemporalModule, PoliciesModule, CasesModule],
  controllers: [MonthlyReviewsController],
  providers: [MonthlyReviewsService],
})
export class MonthlyReviewsModule {}
