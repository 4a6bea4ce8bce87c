import type { DataSource } from 'typeorm';
import { AbsenceEntity } from '../entities/absence.entity';

export interface NewAbsence {
  id: string;
  organisationId: string;
  userId: string;
  delegateId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
}

/** Who is away and who stands in (always within one organisation). */
export class AbsencesRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Inserts the absence unless the user already has a live (not cancelled) one overlapping it;
   * the check and the insert are serialised per user, so two overlapping requests cannot both
   * land. Returns the overlapping absence instead when there is one.
   */
  async create(
    a: NewAbsence,
    now: Date,
  ): Promise<{ created: AbsenceEntity } | { overlaps: AbsenceEntity }> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('absences'), hashtext($1))`, [a.userId]);
      const overlapping = await m
        .getRepository(AbsenceEntity)
        .createQueryBuilder('a')
        .where('a.organisation_id = :org AND a.user_id = :user AND a.cancelled_at IS NULL', {
          org: a.organisationId,
          user: a.userId,
        })
        .andWhere('a.starts_at < :ends AND a.ends_at > :starts', {
          starts: a.startsAt,
          ends: a.endsAt,
        })
        .getOne();
      if (overlapping) return { overlaps: overlapping };
      await m.getRepository(AbsenceEntity).insert({
        ...a,
        createdAt: now,
        cancelledAt: null,
        handedOverAt: null,
      });
      return { created: await m.getRepository(AbsenceEntity).findOneByOrFail({ id: a.id }) };
    });
  }

  findOne(organisationId: string, id: string): Promise<AbsenceEntity | null> {
    return this.ds.getRepository(AbsenceEntity).findOneBy({ organisationId, id });
  }

  /** The user's absences (cancelled ones too), latest first. */
  ofUser(organisationId: string, userId: string): Promise<AbsenceEntity[]> {
    return this.ds
      .getRepository(AbsenceEntity)
      .find({ where: { organisationId, userId }, order: { startsAt: 'DESC', id: 'ASC' } });
  }

  /** Live absences at `at` whose delegate is `delegateId`: whose work `delegateId` stands in for. */
  standingInFor(organisationId: string, delegateId: string, at: Date): Promise<AbsenceEntity[]> {
    return this.ds
      .getRepository(AbsenceEntity)
      .createQueryBuilder('a')
      .where('a.organisation_id = :org AND a.delegate_id = :d AND a.cancelled_at IS NULL', {
        org: organisationId,
        d: delegateId,
      })
      .andWhere('a.starts_at <= :at AND a.ends_at > :at', { at })
      .getMany();
  }

  /** Is the user away at some instant of [from, to) (a live absence overlapping it)? */
  async awayDuring(organisationId: string, userId: string, from: Date, to: Date): Promise<boolean> {
    const n = await this.ds
      .getRepository(AbsenceEntity)
      .createQueryBuilder('a')
      .where('a.organisation_id = :org AND a.user_id = :u AND a.cancelled_at IS NULL', {
        org: organisationId,
        u: userId,
      })
      .andWhere('a.starts_at < :to AND a.ends_at > :from', { from, to })
      .getCount();
    return n > 0;
  }

  /**
   * Live absences, of any organisation, that have started and not ended at `at`: the hand-over
   * sweep's work list (those already swept are included: a task claimed by or given to an absent
   * user during the absence is handed over too).
   */
  liveAt(at: Date, limit = 100): Promise<AbsenceEntity[]> {
    return this.ds
      .getRepository(AbsenceEntity)
      .createQueryBuilder('a')
      .where('a.cancelled_at IS NULL AND a.starts_at <= :at AND a.ends_at > :at', { at })
      .orderBy('a.starts_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /** The first sweep that left nothing to hand over (later sweeps keep the first instant). */
  async markHandedOver(id: string, at: Date): Promise<void> {
    await this.ds.query(
      `UPDATE absences SET handed_over_at = $2 WHERE id = $1 AND handed_over_at IS NULL`,
      [id, at],
    );
  }

  /** Cancels a live absence; false when it was already cancelled. */
  async cancel(organisationId: string, id: string, at: Date): Promise<boolean> {
    const res = await this.ds
      .createQueryBuilder()
      .update(AbsenceEntity)
      .set({ cancelledAt: at })
      .where('organisation_id = :org AND id = :id AND cancelled_at IS NULL', {
        org: organisationId,
        id,
      })
      .execute();
    return (res.affected ?? 0) > 0;
  }
}
