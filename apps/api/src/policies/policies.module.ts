import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';

/** The organisation's policy versions: the one a new case pins, and the admins' versions. */
@Module({
  imports: [PersistenceModule],
  controllers: [PoliciesController],
  providers: [PoliciesService],
  exports: [PoliciesService],
})
export class PoliciesModule {}
