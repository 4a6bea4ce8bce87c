import type { CommandParseResult, CompleteTaskInput } from '@aso/contracts';
import type { Actor } from '@aso/domain';
import { actorOf } from './actor';
import { refusal } from './refusal';

/**
 * A completeTask payload parsed by its case type's contract parser (libs/contracts
 * task-commands: the schemas the API checks with), with the actor the API vouches for — never
 * one in the payload. A payload of the wrong shape is refused COMMAND_INVALID naming the field;
 * whether the command fits the case is the domain's to say.
 */
export function parsedTaskCommand<P extends { type: string }>(
  req: CompleteTaskInput,
  parse: (raw: unknown) => CommandParseResult<P>,
): P & { actor: Actor } {
  const parsed = parse(req.command);
  if (!parsed.ok) {
    const [first] = parsed.issues;
    throw refusal(
      'COMMAND_INVALID',
      first ? `${first.path}: ${first.message}` : 'invalid command',
      {
        field: first?.path ?? 'command',
        issues: parsed.issues,
      },
    );
  }
  return { ...parsed.command, actor: actorOf(req.actor) };
}
