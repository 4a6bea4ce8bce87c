import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { AbsenceSweeper } from './absence-sweeper';
import { AbsencesController } from './absences.controller';
import { AbsencesService } from './absences.service';

/** Absences and delegation: the record, the hand-over and its sweeper. */
@Module({
  imports: [PersistenceModule, TemporalModule],
  controllers: [AbsencesController],
  providers: [AbsencesService, AbsenceSweeper],
  exports: [AbsencesService],
})
export class AbsencesModule {}
