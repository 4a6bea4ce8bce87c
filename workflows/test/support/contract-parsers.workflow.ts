import { parseComplaintTaskCommand, parseReturnTaskCommand } from '@aso/contracts';

/**
 * A probe workflow (test only): runs the contract's command parsers inside Temporal's workflow
 * sandbox, from the same bundle configuration as the real workflows.
 */
export async function parseCommandsInSandbox(
  caseType: 'complaint' | 'return',
  commands: unknown[],
): Promise<unknown[]> {
  const parse = caseType === 'complaint' ? parseComplaintTaskCommand : parseReturnTaskCommand;
  return commands.map((c) => parse(c));
}
