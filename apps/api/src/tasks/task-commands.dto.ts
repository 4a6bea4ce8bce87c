import { taskCommandSchemas, type TaskCommand } from '@aso/contracts';
import type { AnyZodObject } from 'zod';
import { z } from '../openapi/zod-openapi';

/**
 * The payload of POST /tasks/:id/complete: the contract's command schemas (libs/contracts
 * task-commands.ts — the workflow parses with the same ones), each named `<Type>Command` in the
 * OpenAPI document. Bad input is a 400 naming the field before anything reaches a workflow.
 */
const named = <T extends readonly AnyZodObject[]>(schemas: T): T =>
  schemas.map((s) =>
    s.openapi(`${(s.shape.type as z.ZodLiteral<string>).value}Command`),
  ) as unknown as T;

export const taskCommandSchema = z
  .discriminatedUnion('type', [...named(taskCommandSchemas)])
  .describe('The command that completes the task: its `type` must be one of the task’s `commands`')
  .openapi('TaskCommand');
export type TaskCommandDto = TaskCommand;
