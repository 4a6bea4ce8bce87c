import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { CasesModule } from '../cases/cases.module';
import { PoliciesModule } from '../policies/policies.module';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';

/** Planned follow-up calls (DOMAIN.md §5); the call's tasks go through TasksModule. */
@Module({
  imports: [PersistenceModule, TemporalModule, PoliciesModule, CasesModule],
  controllers: [FollowUpsController],
  providers: [FollowUpsService],
})
export class FollowUpsModule {}
