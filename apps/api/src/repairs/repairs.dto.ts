import { serviceRegisterEntrySchema } from '@aso/contracts';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';

/** A real calendar date (2026-02-30 is refused, not rolled over). */
const isCalendarDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

/**
 * How CS takes a request itself (001 §7: 电话或文件, at a store, online). `complaint` is not one
 * of them: a repair for a complaint is opened by the complaint, as its child case.
 */
export const STANDALONE_REPAIR_CHANNELS = ['phone', 'document', 'store', 'online'] as const;

/** Fields a customer's service (A paid, B contract, C free) needs; internal service D has none. */
const CUSTOMER_FIELDS = ['customerName', 'address', 'phone', 'spec', 'purchasePlace'] as const;

/**
 * The service register entry 服务登记簿 (001 §7) as CS writes it: the contract's fields, with what
 * each service kind needs checked here so a bad entry is a 400 naming the field before any number
 * is drawn (the domain checks the same again).
 */
export const serviceRegisterEntryBodySchema = serviceRegisterEntrySchema
  .extend({
    customerName: serviceRegisterEntrySchema.shape.customerName.describe(
      'the customer (required for A–C; internal service D has none)',
    ),
    phone: serviceRegisterEntrySchema.shape.phone.describe(
      'shown in full only to those who work the case',
    ),
    purchaseDate: serviceRegisterEntrySchema.shape.purchaseDate.describe(
      'YYYY-MM-DD, a calendar date (may be empty for internal service D)',
    ),
    channel: z.enum(STANDALONE_REPAIR_CHANNELS).describe('how CS took the request (001 §7)'),
  })
  .superRefine((e, ctx) => {
    if (e.serviceKind !== 'D')
      for (const field of CUSTOMER_FIELDS)
        if (!e[field].trim())
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `required for service kind ${e.serviceKind} (001 §7)`,
          });
    if (e.phone.trim() && !PHONE.test(e.phone))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'must be a phone number' });
    if ((e.serviceKind !== 'D' || e.purchaseDate !== '') && !isCalendarDate(e.purchaseDate))
      ctx.addIssue({
        code: 'custom',
        path: ['purchaseDate'],
        message: 'must be a calendar date YYYY-MM-DD',
      });
  })
  .openapi('ServiceRegisterEntry');

export const openRepairBodySchema = z
  .object({
    entry: serviceRegisterEntryBodySchema,
    storeId: z.string().trim().max(64).optional().describe('the store that took the request'),
  })
  .openapi('OpenRepairRequest');
export type OpenRepairBody = z.infer<typeof openRepairBodySchema>;

export const openedRepairSchema = z
  .object({
    caseNumber: z.string().openapi({ example: 'WX202612-0001' }),
    voucherNumber: z
      .string()
      .describe('the service voucher 服务凭证 drawn for it (001 §7)')
      .openapi({
        example: 'FW202612-0001',
      }),
    policyVersion: z.number().int(),
  })
  .openapi('OpenedRepair');
export type OpenedRepair = z.infer<typeof openedRepairSchema>;

registerRoute({
  method: 'post',
  path: 'repairs',
  tag: 'repairs',
  summary: 'Take a service request (CS): the register entry and its service voucher',
  description:
    'CS writes the service register entry 服务登记簿 (001 §7: customer name, address, phone, ' +
    'model, spec, purchase date and place, service kind A–D of 001 §6, problem, channel); the ' +
    'repair case (WX…) starts with its service voucher 服务凭证 and the tech manager’s dispatch task.',
  body: openRepairBodySchema,
  response: { status: 201, description: 'The new repair', schema: openedRepairSchema },
  errors: [422],
});
