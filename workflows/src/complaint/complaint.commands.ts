import type { CompleteTaskInput, ComplaintTaskCommand } from '@aso/contracts';
import type { ComplaintCommand } from '@aso/domain';
import { actorOf } from '../shared/actor';

/**
 * The domain command a completeTask request carries: the payload, with the actor the API vouches
 * for (never one in the payload). The domain validates the rest (decideComplaint). Until the
 * contracts' payload parsers land this stays a cast, as it was.
 */
export function parseComplaintCommand(req: CompleteTaskInput): ComplaintCommand {
  const given = req.command as ComplaintTaskCommand;
  const command = { ...given, actor: actorOf(req.actor) } as ComplaintCommand;
  // The approver's own limit comes from who they are (the API vouches for it), never from the payload.
  if (command.type === 'ApproveResolution')
    return { ...command, personalLimitFen: req.actor.approvalLimitFen ?? null };
  return command;
}
