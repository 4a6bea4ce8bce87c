import { Controller, Get, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { SupervisionLedgerService } from './supervision-ledger.service';
import './supervision-ledger.dto';

@Controller('reports')
export class SupervisionLedgerController {
  constructor(private readonly ledger: SupervisionLedgerService) {}

  /** GET /reports/supervision-ledger?month=YYYY-MM: F16 004 八.(二)2, the spot checks. */
  @Get('supervision-ledger')
  read(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.ledger.ledger(user, query);
  }
}
