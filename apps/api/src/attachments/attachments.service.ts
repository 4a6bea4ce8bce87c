import { ApiError, isCodedError } from '../common/api-error';
import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import {
  ATTACHMENT_KINDS,
  AttachmentStore,
  AuditRepository,
  type AttachmentKind,
  type AttachmentMeta,
} from '@aso/persistence';
import { assertMayWrite } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { CasesService } from '../cases/cases.service';
import { CLOCK, type Clock } from '../common/clock';
import {
  ALLOWED_CONTENT_TYPES,
  normaliseDeclaredType,
  safeFilename,
  sniffContentType,
} from './file-type';
import type { UploadedPart } from './upload.interceptor';

export interface AttachmentView {
  id: string;
  caseNumber: string;
  kind: AttachmentKind;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface AttachmentDownload {
  meta: AttachmentView;
  data: Buffer;
}

/**
 * Photos, sample records and scans of a case. Whoever may read the case may list and download
 * them; whoever may read it and write (not auditors) may upload. Every upload is an event in
 * the case's audit chain, with the file's SHA-256, so the stored bytes can be checked later.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: AttachmentStore,
    private readonly cases: CasesService,
    private readonly auditService: AuditService,
  ) {}

  async upload(
    user: AuthUser,
    requestId: string,
    caseNumber: string,
    file: UploadedPart | undefined,
    kindInput: unknown,
  ): Promise<AttachmentView> {
    // Another organisation's case is "not found" before anything else is said about it.
    await this.cases.readable(user, caseNumber);
    await this.assertMayUpload(user, requestId, caseNumber);
    const kind = parseKind(kindInput);
    if (!file || file.size === 0) {
      throw new ApiError('VALIDATION_FAILED', 'Attach a non-empty file in the field "file"', {
        issues: [{ path: 'body.file', message: 'required, not empty' }],
      });
    }
    // multer enforces the limit while reading; this guards a store configured without it.
    if (file.size > this.config.ATTACHMENT_MAX_BYTES) {
      throw new ApiError('PAYLOAD_TOO_LARGE', 'The file is too large', {
        maxBytes: this.config.ATTACHMENT_MAX_BYTES,
        size: file.size,
      });
    }
    const contentType = acceptedType(file);

    const meta: AttachmentMeta = {
      id: randomUUID(),
      organisationId: user.organisationId,
      caseNumber,
      kind,
      filename: safeFilename(file.originalname),
      contentType,
      size: file.size,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      uploadedBy: user.id,
      uploadedAt: this.clock(),
    };
    await this.store.put({ ...meta, data: file.buffer });
    await this.recordUpload(meta, requestId);
    return toView(meta);
  }

  async list(user: AuthUser, caseNumber: string): Promise<AttachmentView[]> {
    await this.cases.readable(user, caseNumber);
    return (await this.store.list(user.organisationId, caseNumber)).map(toView);
  }

  async download(user: AuthUser, caseNumber: string, id: string): Promise<AttachmentDownload> {
    await this.cases.readable(user, caseNumber);
    const found = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.store.get(user.organisationId, caseNumber, id)
      : null;
    if (!found) {
      throw new ApiError('NOT_FOUND', `No attachment ${id} on case ${caseNumber}`, {
        caseNumber,
        attachmentId: id,
      });
    }
    return { meta: toView(found.meta), data: found.data };
  }

  /** Auditors read only; their attempt is a refused action in the case's trail. */
  private async assertMayUpload(
    user: AuthUser,
    requestId: string,
    caseNumber: string,
  ): Promise<void> {
    try {
      assertMayWrite(user, 'upload attachment');
    } catch (e) {
      if (isCodedError(e)) {
        await this.auditService.recordRefusal({
          organisationId: user.organisationId,
          caseNumber,
          actor: toCaseActor(user),
          requestId,
          action: 'UploadAttachment',
          code: e.code,
          message: e.message,
          details: e.details,
        });
      }
      throw e;
    }
  }

  /**
   * The upload's audit event, keyed by the attachment's server-made id (never the client's
   * X-Request-Id, which a client may reuse: issue 8 #7). If it cannot be recorded the file is
   * taken back: an attachment the trail does not know of must not exist.
   */
  private async recordUpload(meta: AttachmentMeta, requestId: string): Promise<void> {
    try {
      const result = await this.audit.appendKeyed({
        organisationId: meta.organisationId,
        caseNumber: meta.caseNumber,
        key: `attachment:${meta.id}`,
        occurredAt: meta.uploadedAt,
        actor: meta.uploadedBy,
        action: 'AttachmentUploaded',
        data: {
          id: meta.id,
          filename: meta.filename,
          kind: meta.kind,
          size: meta.size,
          sha256: meta.sha256,
          contentType: meta.contentType,
          requestId, // correlation with the logs only
        },
        policyVersion: null,
      });
      if (result.outcome === 'already_recorded') {
        throw new ApiError('CONFLICT', 'This attachment was already recorded', {
          requestId,
        });
      }
    } catch (e) {
      await this.store.remove(meta.organisationId, meta.caseNumber, meta.id);
      throw e;
    }
  }
}

function parseKind(input: unknown): AttachmentKind {
  if (input === undefined || input === '') return 'other';
  if (typeof input === 'string' && (ATTACHMENT_KINDS as readonly string[]).includes(input)) {
    return input as AttachmentKind;
  }
  throw new ApiError('VALIDATION_FAILED', 'Invalid input: body.kind', {
    issues: [{ path: 'body.kind', message: `one of ${ATTACHMENT_KINDS.join(', ')}` }],
  });
}

/** The declared type must be allowed and must be what the bytes are. */
function acceptedType(file: UploadedPart): string {
  const declared = normaliseDeclaredType(file.mimetype);
  const detected = sniffContentType(file.buffer);
  const allowed = (ALLOWED_CONTENT_TYPES as readonly string[]).includes(declared);
  // application/octet-stream says "I don't know": then the bytes alone decide.
  const consistent = declared === detected || declared === 'application/octet-stream';
  if (!detected || !consistent || (!allowed && declared !== 'application/octet-stream')) {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Only ${ALLOWED_CONTENT_TYPES.join(', ')} files are accepted, and the content must match the declared type`,
      { declared, detected, allowed: [...ALLOWED_CONTENT_TYPES] },
    );
  }
  return detected;
}

const toView = (m: AttachmentMeta): AttachmentView => ({
  id: m.id,
  caseNumber: m.caseNumber,
  kind: m.kind,
  filename: m.filename,
  contentType: m.contentType,
  size: m.size,
  sha256: m.sha256,
  uploadedBy: m.uploadedBy,
  uploadedAt: m.uploadedAt.toISOString(),
});
