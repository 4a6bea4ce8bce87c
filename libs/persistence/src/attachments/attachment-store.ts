/**
 * Where case attachments (photos, sample records, scans) are kept. A port, so an object store
 * (S3, OSS, MinIO) can replace PostgreSQL later without touching the API: the metadata an
 * implementation returns is all the API shows; the bytes are only read for a download.
 */
export const ATTACHMENT_KINDS = ['photo', 'sample_record', 'scan', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface AttachmentMeta {
  id: string;
  organisationId: string;
  caseNumber: string;
  kind: AttachmentKind;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export interface NewAttachment extends AttachmentMeta {
  data: Buffer;
}

export abstract class AttachmentStore {
  abstract put(attachment: NewAttachment): Promise<AttachmentMeta>;
  /** The case's attachments, oldest first, without their bytes; never another organisation's. */
  abstract list(organisationId: string, caseNumber: string): Promise<AttachmentMeta[]>;
  abstract get(
    organisationId: string,
    caseNumber: string,
    id: string,
  ): Promise<{ meta: AttachmentMeta; data: Buffer } | null>;
  /** Compensation only: an upload whose audit event could not be recorded is taken back. */
  abstract remove(organisationId: string, caseNumber: string, id: string): Promise<void>;
}
