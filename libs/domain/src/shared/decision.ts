import { DomainError } from '../errors/domain-error';

/**
 * What a case machine's `decide` returns: the events to append, or the refusal. Returned, not
 * thrown, so a workflow update validator can turn a refusal into a rejected update and the
 * workflow body can never half-apply a command.
 */
export type Decision<E> = { ok: true; events: E[] } | { ok: false; error: DomainError };

/** Run a decider that throws DomainErrors; anything else is a bug and propagates. */
export function decideWith<E>(body: () => E[]): Decision<E> {
  try {
    return { ok: true, events: body() };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e };
    throw e;
  }
}

/** For callers that prefer exceptions (update validators). */
export function unwrapDecision<E>(decision: Decision<E>): E[] {
  if (!decision.ok) throw decision.error;
  return decision.events;
}

export const illegal = (
  caseType: string,
  status: string,
  command: string,
  allowed?: readonly string[],
): DomainError =>
  new DomainError(
    'ILLEGAL_TRANSITION',
    `A ${caseType} in status "${status}" does not accept ${command}`,
    {
      caseType,
      status,
      command,
      ...(allowed ? { acceptedIn: [...allowed] } : {}),
    },
  );

export const invalid = (message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('COMMAND_INVALID', message, details);
