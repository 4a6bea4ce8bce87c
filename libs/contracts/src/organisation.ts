import { DEPARTMENTS, ROLES, type Actor } from '@aso/domain';
import { z } from 'zod';

/** Department and role code names of DOMAIN.md, from the domain. */
export const departmentSchema = z.enum(DEPARTMENTS);
export const roleSchema = z.enum(ROLES);
export type { Department, Role } from '@aso/domain';

/**
 * Who acts, as the API vouches for it (after authentication) and the workflow's validators
 * re-check it. `approvalLimitFen` is the person's own approval limit (admin-set), if any.
 */
export interface CaseActor extends Actor {
  displayName?: string;
  approvalLimitFen?: number | null;
}

export const caseActorSchema = z.object({
  userId: z.string().min(1).max(64),
  department: departmentSchema,
  roles: z.array(roleSchema).min(1),
  displayName: z.string().max(100).optional(),
  approvalLimitFen: z.number().int().nonnegative().nullable().optional(),
});

/** The system itself acting (timers, child results): never a person. */
export const SYSTEM_ACTOR_ID = 'system';
