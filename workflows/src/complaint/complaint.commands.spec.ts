import type { CaseActor, CompleteTaskInput } from '@aso/contracts';
import { RECORD_REPAIR_COMPLETED } from '@aso/domain';
import { parseComplaintCommand } from './complaint.commands';

const approver: CaseActor = {
  userId: 'cs-m',
  department: 'cs',
  roles: ['manager'],
  approvalLimitFen: 50_000,
} as CaseActor;
const req = (command: Record<string, unknown>, actor = approver) =>
  ({ taskId: 'KS-T1', actor, command }) as unknown as CompleteTaskInput;
const refusalOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as { type?: string; details?: unknown[] };
  }
  throw new Error('expected a refusal');
};

describe('complaint task commands: the payload parsed by the contract, the actor from the API', () => {
  it('DOMAIN "Who uses it": the actor is the one the API vouches for, never one in the payload', () => {
    const command = parseComplaintCommand(
      req({ type: 'SendBackResolution', reason: 'too high', actor: { userId: 'someone-else' } }),
    );
    expect(command).toEqual({
      type: 'SendBackResolution',
      reason: 'too high',
      actor: { userId: 'cs-m', department: 'cs', roles: ['manager'] },
    });
  });

  it('DOMAIN "Approvals" (001 §27): the approver’s own limit comes from who they are, not the payload', () => {
    expect(
      parseComplaintCommand(req({ type: 'ApproveResolution', personalLimitFen: 10 ** 9 })),
    ).toMatchObject({ type: 'ApproveResolution', personalLimitFen: 50_000 });
    expect(
      parseComplaintCommand(
        req({ type: 'ApproveResolution' }, {
          ...approver,
          approvalLimitFen: undefined,
        } as CaseActor),
      ),
    ).toMatchObject({ personalLimitFen: null });
  });

  it('a payload of the wrong shape is refused COMMAND_INVALID naming the field', () => {
    const refused = refusalOf(() =>
      parseComplaintCommand(req({ type: RECORD_REPAIR_COMPLETED, outcome: 42 })),
    );
    expect(refused.type).toBe('COMMAND_INVALID');
    expect(refused.details?.[0]).toMatchObject({ field: 'command.outcome' });
  });
});
