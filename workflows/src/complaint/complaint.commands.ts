import { type CompleteTaskInput, parseComplaintTaskCommand } from '@aso/contracts';
import type { ComplaintCommand } from '@aso/domain';
import { parsedTaskCommand } from '../shared/task-command';

/**
 * The domain command a complaint's completeTask request carries: the payload parsed by the
 * contract's schemas, with the actor the API vouches for. The domain validates the rest
 * (decideComplaint).
 */
export function parseComplaintCommand(req: CompleteTaskInput): ComplaintCommand {
  const command = parsedTaskCommand(req, parseComplaintTaskCommand) as ComplaintCommand;
  // The approver's own limit comes from who they are (the API vouches for it), never from the payload.
  if (command.type === 'ApproveResolution')
    return { ...command, personalLimitFen: req.actor.approvalLimitFen ?? null };
  return command;
}
