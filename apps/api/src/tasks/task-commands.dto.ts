import {
  consignmentTaskCommandSchemas,
  type ConsignmentTaskCommand,
  followUpTaskCommandSchemas,
  type FollowUpTaskCommand,
  improvementTaskCommandSchemas,
  type ImprovementTaskCommand,
  repairTaskCommandSchemas,
  reviewTaskCommandSchemas,
  type ReviewTaskCommand,
  taskCommandSchemas,
  type RepairTaskCommand,
  type TaskCommand,
} from '@aso/contracts';
import type { AnyZodObject } from 'zod';
import { z } from '../openapi/zod-openapi';

/**
 * The payload of POST /tasks/:id/complete: the contract's command schemas (libs/contracts
 * task-commands.ts and repair.contract.ts — the workflows parse with the same ones), each named
 * `<Type>Command` in the OpenAPI document. Bad input is a 400 naming the field before anything
 * reaches a workflow.
 */
const named = <T extends readonly AnyZodObject[]>(schemas: T): T =>
  schemas.map((s) =>
    s.openapi(`${(s.shape.type as z.ZodLiteral<string>).value}Command`),
  ) as unknown as T;

/**
 * Commands whose `technicianBookings` (the technician's other bookings in the appointment
 * register, 001 篇3 二.(二)4) the server fills from its read model: a client cannot vouch for
 * them, so the field is not part of the request (sent anyway, it is dropped like any unknown key).
 */
export const SERVER_FILLED_BOOKINGS = new Set(['DispatchTechnician', 'RescheduleVisit']);

const repairRequestSchemas = repairTaskCommandSchemas.map((s) =>
  SERVER_FILLED_BOOKINGS.has(s.shape.type.value)
    ? (s as AnyZodObject)
        .omit({ technicianBookings: true })
        .describe(
          `${s.description ?? ''}. The technician’s other bookings come from the server’s appointment register`,
        )
    : s,
) as unknown as typeof repairTaskCommandSchemas;

/** Every command type a person may send, any case type, in the document's order. */
export const apiTaskCommandSchemas = [
  ...taskCommandSchemas,
  ...repairRequestSchemas,
  ...followUpTaskCommandSchemas,
  ...consignmentTaskCommandSchemas,
  // the monthly complaint review (001 §28)
  ...reviewTaskCommandSchemas,
  // improvement measures (F17 003 §四.4)
  ...improvementTaskCommandSchemas,
] as const;

export const taskCommandSchema = z
  .discriminatedUnion('type', [...named(apiTaskCommandSchemas)])
  .describe('The command that completes the task: its `type` must be one of the task’s `commands`')
  .openapi('TaskCommand');

/** A repair command as the API receives it: the bookings are the server's to add. */
type RepairRequestCommand =
  | Exclude<RepairTaskCommand, { technicianBookings: unknown }>
  | DistributiveOmit<
      Extract<RepairTaskCommand, { technicianBookings: unknown }>,
      'technicianBookings'
    >;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type TaskCommandDto =
  | TaskCommand
  | RepairRequestCommand
  | FollowUpTaskCommand
  | ConsignmentTaskCommand
  | ReviewTaskCommand
  | ImprovementTaskCommand;
