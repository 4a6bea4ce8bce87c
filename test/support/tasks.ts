import { call, type Session } from './http';
import { eventually } from './stack';

/** A task as the inbox lists it (the fields the suites look at). */
export interface InboxTask {
  taskId: string;
  caseNumber: string;
  type: string;
  commands: string[];
  candidateDepartment: string | null;
}

/**
 * Inbox lookups and task completion over HTTP, shared by the e2e suites. Tasks are found by the
 * command that completes them, so suites do not depend on task-type names. `baseUrl` is a
 * function because the api process starts in the suite's beforeAll.
 */
export function taskClient(baseUrl: () => string) {
  const inbox = async (s: Session, caseNumber: string): Promise<InboxTask[]> => {
    const res = await call(baseUrl(), 'GET', `/inbox?caseNumber=${caseNumber}`, s);
    expect(res.status).toBe(200);
    return res.body.items as InboxTask[];
  };

  /** Waits until `s`'s inbox holds the case's task completed by `command`. */
  const taskFor = (s: Session, caseNumber: string, command: string): Promise<InboxTask> =>
    eventually(async () => (await inbox(s, caseNumber)).find((t) => t.commands.includes(command)));

  /** Completes that task with `command`; the request must succeed. */
  const complete = async (
    s: Session,
    caseNumber: string,
    command: { type: string } & Record<string, unknown>,
  ) => {
    const task = await taskFor(s, caseNumber, command.type);
    const res = await call(baseUrl(), 'POST', `/tasks/${task.taskId}/complete`, s, { command });
    expect({ command: command.type, status: res.status, body: res.body }).toMatchObject({
      status: 200,
    });
    return { task, result: res.body };
  };

  return { inbox, taskFor, complete };
}
