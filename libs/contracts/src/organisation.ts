import { z } from 'zod';

/** Department and role code names of DOMAIN.md ("Departments and roles"). */
export const departmentSchema = z.enum([
  'sales',
  'rnd',
  'cs',
  'finance',
  'warehouse',
  'tech',
  'gm_office',
  'hr',
]);
export const roleSchema = z.enum([
  'staff',
  'supervisor',
  'manager',
  'vp',
  'sales_vp',
  'gm',
  'auditor',
  'admin',
]);
export type Department = z.infer<typeof departmentSchema>;
export type Role = z.infer<typeof roleSchema>;

/** Who is acting. Until authentication lands (issue 5) the API takes it from request headers. */
export const actorSchema = z.object({
  userId: z.string().min(1).max(64),
  department: departmentSchema,
  role: roleSchema,
});
export type Actor = z.infer<typeof actorSchema>;
