import { ATTACHMENT_KINDS } from '@aso/persistence';
import { caseNumberParamsSchema } from '../cases/cases.dto';
import { type ERROR_RESPONSES } from '../openapi/error.dto';
import {
  apiRegistry,
  BEARER_AUTH,
  IDEMPOTENCY_KEY_HEADER,
  registerRoute,
} from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import type { AttachmentView } from './attachments.service';
import { ALLOWED_CONTENT_TYPES } from './file-type';

const TAG = 'attachments';

export const attachmentSchema = z
  .object({
    id: z.string().uuid(),
    caseNumber: z.string(),
    kind: z.enum(ATTACHMENT_KINDS),
    filename: z.string(),
    contentType: z.enum(ALLOWED_CONTENT_TYPES),
    size: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    uploadedBy: z.string(),
    uploadedAt: z.string().datetime(),
  })
  .openapi('Attachment') satisfies z.ZodType<AttachmentView>;

const attachmentParamsSchema = caseNumberParamsSchema.extend({ id: z.string().uuid() });

const errorRef = (status: keyof typeof ERROR_RESPONSES) => ({
  $ref: `#/components/responses/Error${status}`,
});

// A multipart body, which registerRoute (JSON bodies only) does not describe: registered directly.
apiRegistry.registerPath({
  method: 'post',
  path: '/cases/{caseNumber}/attachments',
  operationId: 'postCasesCaseNumberAttachments',
  tags: [TAG],
  summary: 'Attach a photo, sample record or scan to the case (not auditors)',
  description:
    `JPEG, PNG, WebP or PDF; the declared type must match the file's magic bytes (else 415 ` +
    `UNSUPPORTED_MEDIA_TYPE). Larger than ATTACHMENT_MAX_BYTES (10 MiB by default) → 413 ` +
    `PAYLOAD_TOO_LARGE. Recorded as AttachmentUploaded in the case's audit chain.`,
  security: [{ [BEARER_AUTH]: [] }],
  parameters: [IDEMPOTENCY_KEY_HEADER],
  request: {
    params: caseNumberParamsSchema,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.string().openapi({ type: 'string', format: 'binary' }),
            kind: z.enum(ATTACHMENT_KINDS).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'The stored attachment (without its bytes)',
      content: { 'application/json': { schema: attachmentSchema } },
    },
    400: errorRef(400),
    401: errorRef(401),
    403: errorRef(403),
    404: errorRef(404),
    409: errorRef(409),
    413: errorRef(413),
    415: errorRef(415),
    422: errorRef(422),
  },
});
registerRoute({
  method: 'get',
  path: 'cases/:caseNumber/attachments',
  tag: TAG,
  summary: 'The case’s attachments, oldest first (metadata only)',
  params: caseNumberParamsSchema,
  response: { status: 200, description: 'Attachments', schema: z.array(attachmentSchema) },
  errors: [404],
});
registerRoute({
  method: 'get',
  path: 'cases/:caseNumber/attachments/:id',
  tag: TAG,
  summary: 'Download an attachment (Content-Type and Content-Disposition of the file)',
  params: attachmentParamsSchema,
  response: {
    status: 200,
    description: 'The file’s bytes',
    schema: z.string().openapi({ type: 'string', format: 'binary' }),
    contentType: 'application/octet-stream',
  },
  errors: [404],
});
