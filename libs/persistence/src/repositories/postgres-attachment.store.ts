import type { DataSource } from 'typeorm';
import {
  AttachmentStore,
  type AttachmentKind,
  type AttachmentMeta,
  type NewAttachment,
} from '../attachments/attachment-store';
import { AttachmentEntity } from '../entities/attachment.entity';

/** Attachments as bytea rows in PostgreSQL (table `attachments`). */
export class PostgresAttachmentStore extends AttachmentStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async put(a: NewAttachment): Promise<AttachmentMeta> {
    await this.ds.getRepository(AttachmentEntity).insert({ ...a });
    const { data: _data, ...meta } = a;
    return meta;
  }

  async list(organisationId: string, caseNumber: string): Promise<AttachmentMeta[]> {
    const rows = await this.ds.getRepository(AttachmentEntity).find({
      where: { organisationId, caseNumber },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toMeta);
  }

  async get(
    organisationId: string,
    caseNumber: string,
    id: string,
  ): Promise<{ meta: AttachmentMeta; data: Buffer } | null> {
    const row = await this.ds
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .addSelect('a.data')
      .where('a.id = :id AND a.organisation_id = :organisationId AND a.case_number = :caseNumber', {
        id,
        organisationId,
        caseNumber,
      })
      .getOne();
    return row ? { meta: toMeta(row), data: row.data } : null;
  }

  async remove(organisationId: string, caseNumber: string, id: string): Promise<void> {
    await this.ds.getRepository(AttachmentEntity).delete({ id, organisationId, caseNumber });
  }
}

const toMeta = (r: AttachmentEntity): AttachmentMeta => ({
  id: r.id,
  organisationId: r.organisationId,
  caseNumber: r.caseNumber,
  kind: r.kind as AttachmentKind,
  filename: r.filename,
  contentType: r.contentType,
  size: r.size,
  sha256: r.sha256,
  uploadedBy: r.uploadedBy,
  uploadedAt: r.uploadedAt,
});
