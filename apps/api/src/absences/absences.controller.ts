import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import { absenceIdSchema, recordAbsenceBodySchema } from './absences.dto';
import { AbsencesService } from './absences.service';

/** A user's own out-of-office periods (issue 12 #7). */
@Controller('users/me/absences')
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  @Post()
  @HttpCode(201)
  record(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.absences.record(user, parseInput(recordAbsenceBodySchema, body));
  }

  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.absences.list(user);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.absences.cancel(user, parseInput(absenceIdSchema, id, 'params.id'));
  }
}
