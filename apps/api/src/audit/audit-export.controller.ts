import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { parseInput } from '../common/parse-input';
import { CurrentUser } from '../common/actor.decorator';
import { auditCsv, verificationHeaders, type AuditExport } from './audit-export';
import { auditExportQuerySchema } from './audit-export.dto';
import { AuditExportService } from './audit-export.service';

@Controller()
export class AuditExportController {
  constructor(private readonly exports: AuditExportService) {}

  /**
   * The full history, oldest first, as JSON or CSV (UTF-8 with BOM, RFC 4180); the chain's
   * verification is in the X-Audit-* headers (and in the JSON body).
   */
  @Get('cases/:caseNumber/audit/export')
  async export(
    @CurrentUser() user: AuthUser,
    @Param('caseNumber') caseNumber: string,
    @Query() query: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditExport | StreamableFile> {
    const { format } = parseInput(auditExportQuerySchema, query, 'query');
    const exported = await this.exports.exportTrail(user, caseNumber);
    res.set(verificationHeaders(exported.verification));
    if (format === 'json') return exported;
    return new StreamableFile(Buffer.from(auditCsv(exported), 'utf8'), {
      type: 'text/csv; charset=utf-8; header=present',
      disposition: `attachment; filename="${caseNumber}-audit.csv"`,
    });
  }
}
