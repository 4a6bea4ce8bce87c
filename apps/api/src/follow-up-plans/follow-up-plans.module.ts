import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { PoliciesModule } from '../policies/policies.module';
import { FollowUpPlansController } from './follow-up-plans.controller';
import { FollowUpPlansService } from './follow-up-plans.service';

/** CS follow-up plans (F01, F06, F07); the calls they open are HF cases worked through /tasks. */
@Module({
  imports: [PersistenceModule, TemporalModule, PoliciesModule],
  controllers: [FollowUpPlansController],
  providers: [FollowUpPlansService],
})
export class FollowUpPlansModule {}
