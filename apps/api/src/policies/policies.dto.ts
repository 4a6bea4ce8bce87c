import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import type { PolicyDiffView, PolicyVersionSummary } from './policies.service';

/** A version number in a path: 1, 2, … (a malformed one is a 400 naming the parameter). */
export const policyVersionParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, { message: 'a version number (1, 2, …)' })
  .transform(Number);

/** For the document only: the controller parses each bare parameter with the schema above. */
const versionParams = z.object({ version: z.string().openapi({ example: '2' }) });
const diffParams = z.object({
  a: z.string().openapi({ example: '1' }),
  b: z.string().openapi({ example: '2' }),
});

/**
 * The policy document (libs/domain policy.schema.ts). The body is validated by the domain's own
 * schema in the service (every offending path answered at once); here it is only described.
 */
const policyDocument = z
  .record(z.unknown())
  .describe(
    'a whole policy document (version, name, effectiveFrom, calendar, deadlines, approvalMatrix, …; ' +
      'see libs/domain/src/policy/policy.schema.ts); version = the latest + 1',
  )
  .openapi('PolicyDocument');

export const policyVersionSummarySchema = z
  .object({
    version: z.number().int(),
    name: z.string(),
    effectiveFrom: z.string(),
    publishedAt: z.string(),
    publishedBy: z.string().describe('user id of the admin (system for the default version 1)'),
  })
  .openapi('PolicyVersionSummary') satisfies z.ZodType<PolicyVersionSummary>;

export const policyVersionSchema = policyVersionSummarySchema
  .extend({ document: policyDocument })
  .openapi('PolicyVersion');

export const policyDiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(
      z.object({
        path: z.string().openapi({ example: 'deadlines.complaint.close.unit' }),
        old: z.unknown().optional().describe('absent: the path was added'),
        new: z.unknown().optional().describe('absent: the path was removed'),
      }),
    ),
  })
  .openapi('PolicyDiff') satisfies z.ZodType<PolicyDiffView>;

registerRoute({
  method: 'get',
  path: 'policies',
  tag: 'policies',
  summary: 'The policy versions of the organisation, oldest first',
  description: 'Admins, auditors and managers (manager, sales VP, VP in charge, GM).',
  response: { status: 200, description: 'Versions', schema: z.array(policyVersionSummarySchema) },
});
registerRoute({
  method: 'get',
  path: 'policies/:version',
  tag: 'policies',
  summary: 'One policy version with its whole document',
  params: versionParams,
  response: { status: 200, description: 'The version', schema: policyVersionSchema },
  errors: [404],
});
registerRoute({
  method: 'post',
  path: 'policies',
  tag: 'policies',
  summary: 'Publish a new policy version (admins; a version is never edited in place)',
  description:
    'The whole document is validated; every offending path is listed in the 400 details ' +
    '(body.…). Its version must be the latest + 1; a concurrent publication of the same ' +
    'number answers 409. Running cases keep the version they pinned; new cases pin this one.',
  body: policyDocument,
  response: { status: 201, description: 'The published version', schema: policyVersionSchema },
  errors: [409],
});
registerRoute({
  method: 'get',
  path: 'policies/:a/diff/:b',
  tag: 'policies',
  summary: 'The changed paths between two policy versions, with old and new values',
  params: diffParams,
  response: { status: 200, description: 'The changes', schema: policyDiffSchema },
  errors: [404],
});
