import { Inject, Injectable } from '@nestjs/common';
import { UsersRepository } from '@aso/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CLOCK, type Clock } from '../common/clock';
import type { ActorInfo, AuditExport } from './audit-export';
import { AuditService } from './audit.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case's whole audit trail with its verification, for auditors and those who work it. */
@Injectable()
export class AuditExportService {
  constructor(
    private readonly users: UsersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async exportTrail(user: AuthUser, caseNumber: string): Promise<AuditExport> {
    // Both check that the user may read the case (404 for another organisation's).
    const verification = await this.audit.verify(user, caseNumber);
    // The trail is append-only: its first `count` events are exactly those just verified, so
    // the verification describes the export even if events were appended in between.
    const events = (await this.audit.history(user, caseNumber)).slice(0, verification.count);
    const actors: Record<string, ActorInfo> = {};
    for (const id of new Set(events.map((e) => e.actor))) {
      if (!UUID.test(id)) continue;
      const u = await this.users.findById(user.organisationId, id);
      if (u) actors[id] = { username: u.username, displayName: u.displayName };
    }
    return {
      caseNumber,
      exportedAt: this.clock().toISOString(),
      verification,
      actors,
      events,
    };
  }
}
