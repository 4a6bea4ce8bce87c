import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { mayHandOn, mayReceive } from '@aso/domain';
import {
  AbsencesRepository,
  AuditRepository,
  TasksRepository,
  UsersRepository,
  type AbsenceEntity,
} from '@aso/persistence';
import { CaseGateway } from '@aso/temporal';
import { assertDelegateFits, assertMayWrite, taskFactsOf } from '../auth/access-policy';
import { toAuthUser, toCaseActor, type AuthUser } from '../auth/auth-user';
import { ApiError, isCodedError } from '../common/api-error';
import { CLOCK, type Clock } from '../common/clock';
import { recordOrgEvent } from '../audit/org-audit';

export interface AbsenceView {
  id: string;
  userId: string;
  delegateUserId: string;
  startsAt: string;
  endsAt: string;
  reason: string | null;
  createdAt: string;
  cancelledAt: string | null;
  handedOverAt: string | null;
  /** live: not cancelled and not ended; active: live and started */
  state: 'scheduled' | 'active' | 'ended' | 'cancelled';
}

export interface HandOverResult {
  handedOver: Array<{ taskId: string; caseNumber: string }>;
  refused: Array<{ taskId: string; caseNumber: string; code: string }>;
}

export interface RecordedAbsence extends AbsenceView {
  /** the claimed tasks handed to the delegate now (an absence that has already started) */
  handedOver: HandOverResult['handedOver'];
}

export interface NewAbsenceInput {
  startsAt: Date;
  endsAt: Date;
  delegateUserId: string;
  reason?: string;
}

/** At most a year away: a longer absence is a change of roles, an admin's. */
const MAX_ABSENCE_MS = 366 * 24 * 3600 * 1000;

/**
 * Out-of-office (issue 12 #7). A user records a period and a delegate who fits their department
 * and roles (assertDelegateFits: the task rule book's own fit). While it lasts:
 *  - the absent user's claimed tasks are handed to the delegate through the gateway's delegate
 *    update — the workflow's validator checks it and the case's audit trail records it as any
 *    delegation (actor: the absent user, on their own recorded instruction; the update id is
 *    `absence:<id>:<task>`, so a repeated hand-over is one delegation). An absence that has
 *    already started is handed over in the request that records it; a future one by the
 *    AbsenceSweeper once it starts (state in PostgreSQL, so a restart resumes; every sweep
 *    hands over what the absent user holds by then, tasks given to them meanwhile included);
 *  - the tasks the absent user would claim or approve reach the delegate's inbox, since the
 *    delegate fits the same department and roles;
 *  - the delegate acts as themself: every approval is checked against the delegate's own
 *    limit (the actor sent to the workflow is the delegate's user record), never the absent
 *    user's.
 * Handed-over tasks stay with the delegate after the absence (a lead may hand them back).
 */
@Injectable()
export class AbsencesService {
  private readonly log = new Logger('Absences');

  constructor(
    private readonly absences: AbsencesRepository,
    private readonly users: UsersRepository,
    private readonly tasks: TasksRepository,
    private readonly audit: AuditRepository,
    private readonly gateway: CaseGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(user: AuthUser, input: NewAbsenceInput): Promise<RecordedAbsence> {
    assertMayWrite(user, 'record absence');
    const now = this.clock();
    if (input.endsAt.getTime() <= now.getTime()) {
      throw invalid('body.endsAt', 'must be in the future');
    }
    if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_ABSENCE_MS) {
      throw invalid('body.endsAt', 'an absence lasts at most 366 days');
    }
    if (input.delegateUserId === user.id) {
      throw invalid('body.delegateUserId', 'must be someone else');
    }
    const row = await this.users.findById(user.organisationId, input.delegateUserId);
    if (!row || !row.active) {
      throw new ApiError('USER_NOT_FOUND', `No active user ${input.delegateUserId}`, {
        userId: input.delegateUserId,
      });
    }
    const delegate = toAuthUser(row);
    assertDelegateFits(user, toCaseActor(delegate));
    if (
      await this.absences.awayDuring(user.organisationId, delegate.id, input.startsAt, input.endsAt)
    ) {
      throw new ApiError('CONFLICT', `${delegate.username} is away during that period`, {
        delegateUserId: delegate.id,
      });
    }
    const result = await this.absences.create(
      {
        id: randomUUID(),
        organisationId: user.organisationId,
        userId: user.id,
        delegateId: delegate.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        reason: input.reason ?? null,
      },
      now,
    );
    if ('overlaps' in result) {
      throw new ApiError('CONFLICT', 'You are already away during part of that period', {
        absenceId: result.overlaps.id,
      });
    }
    const absence = result.created;
    await recordOrgEvent(this.audit, {
      organisationId: user.organisationId,
      key: `absence:${absence.id}:recorded`,
      actor: user.id,
      action: 'AbsenceRecorded',
      at: now,
      data: {
        absenceId: absence.id,
        userId: user.id,
        delegateUserId: delegate.id,
        startsAt: absence.startsAt.toISOString(),
        endsAt: absence.endsAt.toISOString(),
      },
    });
    const handed =
      absence.startsAt.getTime() <= now.getTime()
        ? await this.handOver(absence)
        : { handedOver: [], refused: [] };
    const fresh = (await this.absences.findOne(user.organisationId, absence.id)) ?? absence;
    return { ...this.view(fresh), handedOver: handed.handedOver };
  }

  async list(user: AuthUser): Promise<{ mine: AbsenceView[]; standingInFor: AbsenceView[] }> {
    const now = this.clock();
    const [mine, standingInFor] = await Promise.all([
      this.absences.ofUser(user.organisationId, user.id),
      this.absences.standingInFor(user.organisationId, user.id, now),
    ]);
    return {
      mine: mine.map((a) => this.view(a)),
      standingInFor: standingInFor.map((a) => this.view(a)),
    };
  }

  /** Cancels one's own scheduled or active absence; tasks already handed over stay handed over. */
  async cancel(user: AuthUser, id: string): Promise<AbsenceView> {
    assertMayWrite(user, 'cancel absence');
    const absence = await this.absences.findOne(user.organisationId, id);
    if (!absence || absence.userId !== user.id) {
      throw new ApiError('NOT_FOUND', `No absence ${id} of yours`, { absenceId: id });
    }
    const now = this.clock();
    const state = this.view(absence).state;
    if (state === 'cancelled' || state === 'ended') {
      throw new ApiError('CONFLICT', `Absence ${id} is ${state}`, { absenceId: id, state });
    }
    if (!(await this.absences.cancel(user.organisationId, id, now))) {
      throw new ApiError('CONFLICT', `Absence ${id} is cancelled`, { absenceId: id, state });
    }
    await recordOrgEvent(this.audit, {
      organisationId: user.organisationId,
      key: `absence:${id}:cancelled`,
      actor: user.id,
      action: 'AbsenceCancelled',
      at: now,
      data: { absenceId: id },
    });
    return this.view((await this.absences.findOne(user.organisationId, id)) as AbsenceEntity);
  }

  /**
   * Hands every task the absent user holds to the delegate (idempotent). A task the rule book
   * or the workflow refuses (the delegate no longer fits it) stays, and the refusal is audited.
   * The absence counts as handed over once a sweep left nothing behind.
   */
  async handOver(absence: AbsenceEntity): Promise<HandOverResult> {
    const result: HandOverResult = { handedOver: [], refused: [] };
    const [absentRow, delegateRow] = await Promise.all([
      this.users.findById(absence.organisationId, absence.userId),
      this.users.findById(absence.organisationId, absence.delegateId),
    ]);
    if (!absentRow || !delegateRow || !delegateRow.active) return result;
    const actor = toCaseActor(toAuthUser(absentRow));
    // F18: the delegate's qualifications go to the rule book (here and in the workflow): a
    // follow-up call is never handed to someone not trained and passed as a caller
    const to = {
      ...toCaseActor(toAuthUser(delegateRow)),
      qualifications: toAuthUser(delegateRow).qualifications,
    };
    const held = await this.tasks.claimedBy(absence.organisationId, absence.userId);
    for (const task of held) {
      const facts = taskFactsOf(task);
      const verdict = mayHandOn(facts, actor).ok ? mayReceive(facts, to) : mayHandOn(facts, actor);
      try {
        if (!verdict.ok) throw verdict.error;
        await this.gateway.delegateTask(
          task.caseNumber,
          {
            taskId: task.taskId,
            actor,
            to: {
              userId: to.userId,
              department: to.department,
              roles: to.roles,
              qualifications: to.qualifications,
            },
          },
          `absence:${absence.id}:${task.taskId}`,
        );
        result.handedOver.push({ taskId: task.taskId, caseNumber: task.caseNumber });
        await recordOrgEvent(this.audit, {
          organisationId: absence.organisationId,
          key: `absence:${absence.id}:handover:${task.taskId}`,
          actor: absence.userId,
          action: 'AbsenceTaskHandedOver',
          data: {
            absenceId: absence.id,
            taskId: task.taskId,
            caseNumber: task.caseNumber,
            from: absence.userId,
            to: absence.delegateId,
          },
        });
      } catch (e) {
        const code = isCodedError(e) || hasCode(e) ? (e as { code: string }).code : 'INTERNAL';
        result.refused.push({ taskId: task.taskId, caseNumber: task.caseNumber, code });
        this.log.warn(`hand-over of ${task.taskId} (absence ${absence.id}) refused: ${code}`);
        await recordOrgEvent(this.audit, {
          organisationId: absence.organisationId,
          key: `absence:${absence.id}:handover-refused:${task.taskId}`,
          actor: absence.userId,
          action: 'AbsenceHandOverRefused',
          data: { absenceId: absence.id, taskId: task.taskId, caseNumber: task.caseNumber, code },
        });
      }
    }
    if (result.refused.length === 0) await this.absences.markHandedOver(absence.id, this.clock());
    return result;
  }

  private view(a: AbsenceEntity): AbsenceView {
    const now = this.clock().getTime();
    const state = a.cancelledAt
      ? 'cancelled'
      : a.endsAt.getTime() <= now
        ? 'ended'
        : a.startsAt.getTime() <= now
          ? 'active'
          : 'scheduled';
    return {
      id: a.id,
      userId: a.userId,
      delegateUserId: a.delegateId,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      reason: a.reason,
      createdAt: a.createdAt.toISOString(),
      cancelledAt: a.cancelledAt?.toISOString() ?? null,
      handedOverAt: a.handedOverAt?.toISOString() ?? null,
      state,
    };
  }
}

const hasCode = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';

const invalid = (path: string, message: string) =>
  new ApiError('VALIDATION_FAILED', `Invalid input: ${path}`, { issues: [{ path, message }] });
