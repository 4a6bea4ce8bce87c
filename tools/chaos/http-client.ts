import type { Session } from '../../test/support/http';

// Answers are inspected field by field by the driver and the checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Attempt {
  sentAt: number;
  endedAt: number;
  status?: number;
  code?: string;
  error?: string;
}

/** One command as the client saw it: every attempt with the same Idempotency-Key, and the answer. */
export interface CommandRecord {
  label: string;
  caseRef: string;
  key: string;
  path: string;
  attempts: Attempt[];
  status: number;
  body: Json;
  /** the client stopped retrying without a final answer */
  gaveUp: boolean;
}

export interface ClientOptions {
  /** one attempt's timeout */
  attemptTimeoutMs: number;
  /** how long a command is retried before the client gives up (no final answer) */
  maxWaitMs: number;
}

/** Answers that are not final: the same request must be sent again (with the same key). */
const retryable = (status: number, code: string | undefined): boolean =>
  status >= 500 || status === 429 || (status === 409 && code === 'IDEMPOTENCY_IN_PROGRESS');

/**
 * HTTP as a careful client does it under faults: every command carries its own Idempotency-Key
 * and is re-sent with the SAME key after a network error, a 5xx, a 429 or 409
 * IDEMPOTENCY_IN_PROGRESS, with backoff, until a final answer arrives.
 */
export class ChaosClient {
  readonly commands: CommandRecord[] = [];
  /** listeners told of every successful (2xx) command attempt: recovery is measured with them */
  private readonly onSuccess: Array<(record: CommandRecord, attempt: Attempt) => void> = [];

  constructor(
    private readonly baseUrl: string,
    private readonly options: ClientOptions,
  ) {}

  whenCommandSucceeds(listener: (record: CommandRecord, attempt: Attempt) => void): void {
    this.onSuccess.push(listener);
  }

  async command(
    session: Session,
    path: string,
    body: unknown,
    key: string,
    meta: { label: string; caseRef: string },
  ): Promise<CommandRecord> {
    const record: CommandRecord = {
      ...meta,
      key,
      path,
      attempts: [],
      status: 0,
      body: undefined,
      gaveUp: false,
    };
    this.commands.push(record);
    const deadline = Date.now() + this.options.maxWaitMs;
    for (let n = 0; ; n++) {
      const attempt: Attempt = { sentAt: Date.now(), endedAt: 0 };
      record.attempts.push(attempt);
      const res = await this.send('POST', path, session, body, { 'idempotency-key': key });
      attempt.endedAt = Date.now();
      if ('error' in res) attempt.error = res.error;
      else {
        attempt.status = res.status;
        attempt.code = typeof res.body?.code === 'string' ? res.body.code : undefined;
        if (!retryable(res.status, attempt.code)) {
          record.status = res.status;
          record.body = res.body;
          if (res.status < 300) for (const l of this.onSuccess) l(record, attempt);
          return record;
        }
      }
      if (Date.now() > deadline) {
        record.gaveUp = true;
        return record;
      }
      await backoff(n);
    }
  }

  /** A read: retried on network errors and 5xx until it answers (or maxWaitMs passes). */
  async read(session: Session | undefined, path: string): Promise<{ status: number; body: Json }> {
    const deadline = Date.now() + this.options.maxWaitMs;
    for (let n = 0; ; n++) {
      const res = await this.send('GET', path, session, undefined, {});
      if (!('error' in res) && !retryable(res.status, undefined)) return res;
      if (Date.now() > deadline)
        throw new Error(`GET ${path}: no answer in time (${JSON.stringify(res).slice(0, 200)})`);
      await backoff(n);
    }
  }

  private async send(
    method: string,
    path: string,
    session: Session | undefined,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: Json } | { error: string }> {
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.attemptTimeoutMs),
      });
      const text = await res.text();
      let parsed: Json = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = { raw: text.slice(0, 200) };
      }
      return { status: res.status, body: parsed };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      return { error: err.cause?.code ?? err.name ?? String(e) };
    }
  }
}

const backoff = (n: number): Promise<void> =>
  new Promise((r) => setTimeout(r, Math.min(100 * 2 ** n, 2_000) * (0.75 + Math.random() * 0.5)));
