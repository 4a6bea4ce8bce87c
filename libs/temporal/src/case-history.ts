import { defaultPayloadConverter, type Client } from '@temporalio/client';
import type { TimeStamp, WriteDigest } from '@aso/contracts';

/** The name sdk-core gives the marker that records a local activity's outcome in history. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

interface PayloadLike {
  metadata?: Record<string, Uint8Array> | null;
  data?: Uint8Array | null;
}

/**
 * Reads what a case's workflow history says was written: the WriteDigest each `recordChanges`
 * local activity returned, decoded from its marker. Kept apart from CaseGateway (commands and
 * queries): this is an auditor's read of history, used by `audit/verify?against=history`.
 */
export class CaseHistory {
  constructor(private readonly client: Client) {}

  /** Every write digest in the case's history, oldest first (all runs of the workflow id). */
  async writeDigests(caseNumber: string): Promise<WriteDigest[]> {
    const history = await this.client.workflow.getHandle(caseNumber).fetchHistory();
    const digests: WriteDigest[] = [];
    for (const event of history.events ?? []) {
      const marker = event.markerRecordedEventAttributes;
      if (!marker || marker.markerName !== LOCAL_ACTIVITY_MARKER) continue;
      // The marker's details hold the activity's metadata and its result; the digest is the
      // result that has a digest's shape (other local activities may be added later).
      for (const payloads of Object.values(marker.details ?? {})) {
        for (const p of payloads.payloads ?? []) {
          const value = decode(p as PayloadLike);
          if (isDigest(value) && value.caseNumber === caseNumber) digests.push(value);
        }
      }
    }
    return digests;
  }

  /**
   * The "now"s the case's workflow took through its clock (`stampTime` markers, see
   * workflows/src/shared/clock.ts), oldest first: every time the case stores is one of these
   * (or the intake's reportedAt). Empty for a history from before that patch.
   */
  async stamps(caseNumber: string): Promise<TimeStamp[]> {
    const history = await this.client.workflow.getHandle(caseNumber).fetchHistory();
    const stamps: TimeStamp[] = [];
    for (const event of history.events ?? []) {
      const marker = event.markerRecordedEventAttributes;
      if (!marker || marker.markerName !== LOCAL_ACTIVITY_MARKER) continue;
      const meta = decodeFirst(marker.details?.data) as { activity_type?: string } | undefined;
      if (meta?.activity_type !== 'stampTime') continue;
      const stamp = decodeFirst(marker.details?.result) as TimeStamp | undefined;
      if (stamp && typeof stamp.at === 'number') stamps.push({ at: stamp.at, label: stamp.label });
    }
    return stamps;
  }
}

const decodeFirst = (p: { payloads?: unknown[] | null } | null | undefined): unknown =>
  p?.payloads?.[0] ? decode(p.payloads[0] as PayloadLike) : undefined;

function decode(p: PayloadLike): unknown {
  try {
    return defaultPayloadConverter.fromPayload(
      p as Parameters<typeof defaultPayloadConverter.fromPayload>[0],
    );
  } catch {
    return undefined;
  }
}

function isDigest(v: unknown): v is WriteDigest {
  const d = v as WriteDigest | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.caseNumber === 'string' &&
    Array.isArray(d.audit) &&
    Array.isArray(d.tasks) &&
    typeof d.snapshot === 'object' &&
    d.snapshot !== null
  );
}
