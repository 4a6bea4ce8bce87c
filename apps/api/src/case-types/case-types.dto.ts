import { CASE_TYPES } from '@aso/domain';
import type { ZodTypeAny } from 'zod';
import {
  assertMayOpenComplaint,
  assertMayOpenConsignment,
  assertMayOpenFollowUp,
  assertMayOpenRepair,
  assertMayOpenReturn,
} from '../auth/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { openComplaintBodySchema } from '../cases/cases.dto';
import { openConsignmentBodySchema } from '../consignments/consignments.dto';
import { openFollowUpBodySchema } from '../follow-ups/follow-ups.dto';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import { openRepairBodySchema } from '../repairs/repairs.dto';
import { openReturnBodySchema } from '../returns/returns.dto';

/**
 * A case type the API lets people open, with the route that opens it and the zod schema that
 * route parses its body with (the same object: the offered JSON Schema cannot drift from what
 * is validated). The web app's "Open a case" page renders its forms from this list, so a case
 * type added here appears there without UI code.
 */
export interface CaseTypeOffer {
  type: (typeof CASE_TYPES)[number];
  /** the route that opens it (POST) */
  path: string;
  prefix: string;
  labels: { 'zh-CN': string; 'en-US': string };
  body: ZodTypeAny;
  /** the access rule the opening route applies (throws when the user may not) */
  assertMayOpen: (user: AuthUser) => void;
  /** files may be uploaded to the new case right after it is opened (001 §25.1 附件) */
  attachments: boolean;
}

export const CASE_TYPE_OFFERS: readonly CaseTypeOffer[] = [
  {
    type: 'complaint',
    path: '/complaints',
    prefix: 'KS',
    labels: { 'zh-CN': '客诉', 'en-US': 'Complaint' },
    body: openComplaintBodySchema,
    assertMayOpen: assertMayOpenComplaint,
    attachments: true,
  },
  {
    type: 'return',
    path: '/returns',
    prefix: 'TH',
    labels: { 'zh-CN': '退换货', 'en-US': 'Return or exchange' },
    body: openReturnBodySchema,
    assertMayOpen: assertMayOpenReturn,
    attachments: true,
  },
  {
    type: 'repair',
    path: '/repairs',
    prefix: 'WX',
    labels: { 'zh-CN': '维修服务', 'en-US': 'Repair or service request' },
    body: openRepairBodySchema,
    assertMayOpen: assertMayOpenRepair,
    attachments: true,
  },
  {
    type: 'followUp',
    path: '/follow-ups',
    prefix: 'HF',
    labels: { 'zh-CN': '回访', 'en-US': 'Follow-up call' },
    body: openFollowUpBodySchema,
    assertMayOpen: assertMayOpenFollowUp,
    attachments: false,
  },
  {
    // 002 ch.12 1: sales counts the goods; every item gets its code on the 委托代销清单 (K02)
    type: 'consignment',
    path: '/consignments',
    prefix: 'DX',
    labels: { 'zh-CN': '委托代销', 'en-US': 'Consignment' },
    body: openConsignmentBodySchema,
    assertMayOpen: assertMayOpenConsignment,
    attachments: false,
  },
];

export const caseTypeSchema = z
  .object({
    type: z.enum(CASE_TYPES),
    path: z.string().describe('the route that opens it (POST, with an optional Idempotency-Key)'),
    prefix: z.string().describe('the case number’s prefix (KS…, TH…, WX…, HF…, DX…)'),
    labels: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
    mayOpen: z
      .boolean()
      .describe('whether the caller may open one (the same rule the opening route applies)'),
    attachments: z.boolean().describe('files may be uploaded to the new case once it is opened'),
    schema: z
      .record(z.unknown())
      .describe(
        'the JSON Schema of the request body (OpenAPI 3.0 dialect, every $ref inlined), ' +
          'generated from the zod schema the opening route validates with',
      ),
  })
  .openapi('CaseType');
export type CaseTypeView = z.infer<typeof caseTypeSchema>;

registerRoute({
  method: 'get',
  path: 'case-types',
  tag: 'cases',
  summary: 'The case types the API lets people open, each with its open command’s JSON Schema',
  description:
    'Every case type with an opening route: its path, labels in zh-CN and en-US, whether the ' +
    'caller may open one, and the JSON Schema of its body (from the zod schema that route ' +
    'parses with). The web app’s “Open a case” page is rendered from this list.',
  response: { status: 200, description: 'The case types', schema: z.array(caseTypeSchema) },
});
