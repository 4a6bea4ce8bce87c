import type { CaseSnapshot } from '@aso/contracts';
import type { CaseEntity } from '../entities/case.entity';
import type { CaseSnapshotRecord } from '../repositories/cases.repository';
import { date, dateOrNull, iso, isoOrNull, type SameKeys } from './same-keys';

/**
 * A workflow's case snapshot (contract) → the read-model row to record. A case a workflow
 * opened itself has no opener: it is recorded as `system`.
 */
export function toCaseSnapshotRecord(s: CaseSnapshot, updatedAt: Date): CaseSnapshotRecord {
  return {
    ...s,
    openedBy: s.openedBy ?? 'system',
    defectDescription: s.defectDescription ?? null,
    openedAt: date(s.openedAt),
    acceptedAt: dateOrNull(s.acceptedAt),
    closingDueAt: dateOrNull(s.closingDueAt),
    closedAt: dateOrNull(s.closedAt),
    updatedAt,
  };
}

/** A read-model row → the case snapshot it holds (the column `type` is the contract's `caseType`). */
export function toCaseSnapshot(row: CaseEntity): CaseSnapshot & { openedBy: string } {
  const { type, updatedAt: _updated, openedAt, acceptedAt, closingDueAt, closedAt, ...same } = row;
  return {
    ...same,
    caseType: type,
    openedAt: iso(openedAt),
    acceptedAt: isoOrNull(acceptedAt),
    closingDueAt: isoOrNull(closingDueAt),
    closedAt: isoOrNull(closedAt),
  };
}

const _caseRowMatchesContract: SameKeys<
  Omit<CaseEntity, 'type' | 'updatedAt'> & { caseType: string },
  CaseSnapshot
> = true;
