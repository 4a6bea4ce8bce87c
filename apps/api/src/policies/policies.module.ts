import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { PoliciesService } from './policies.service';

/** The organisation's pinned policy (what a new case is judged by). */
@Module({
  imports: [PersistenceModule],
  providers: [PoliciesService],
  exports: [PoliciesService],
})
export class PoliciesModule {}
