import type { FollowUpPlanActivities } from '@aso/contracts';
import { caseNumberAt } from '@aso/domain';
import type { CasesRepository, FollowUpCustomersRepository } from '@aso/persistence';

export interface FollowUpPlanActivityPorts {
  cases: CasesRepository;
  customers: FollowUpCustomersRepository;
}

/**
 * The follow-up plan run's reads and numbers (004 三.(一)): the customer register, and one HF
 * number per plan call key drawn through the case-intent table (the opening's own idempotency,
 * as the monthly review's number): a second run of the same day, a retry or a double fire gets
 * the same numbers, so the workflow ids of the calls are deterministic.
 */
export function createFollowUpPlanActivities(
  ports: FollowUpPlanActivityPorts,
): FollowUpPlanActivities {
  return {
    followUpPlanCustomers: ({ organisationId }) => ports.customers.list(organisationId),

    async reservePlanCalls({ organisationId, keys, at }) {
      const out: Array<{ key: string; caseNumber: string }> = [];
      for (const key of keys) {
        const intent = await ports.cases.recordIntent({
          organisationId,
          userId: 'system',
          key,
          requestHash: key,
          prefix: 'HF',
          now: new Date(at),
          numberFor: (seq) => caseNumberAt('HF', new Date(at), seq),
        });
        out.push({ key, caseNumber: intent.caseNumber });
      }
      return out;
    },
  };
}
