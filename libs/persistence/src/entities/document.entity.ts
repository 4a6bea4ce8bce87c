import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A form revision (complaint form, discount certificate, return slip, …) with its copies. */
@Entity({ name: 'documents' })
export class DocumentEntity {
  @PrimaryColumn({ name: 'case_number', type: 'text' })
  caseNumber!: string;

  @PrimaryColumn({ name: 'doc_type', type: 'text' })
  docType!: string;

  @PrimaryColumn({ name: 'doc_number', type: 'text' })
  docNumber!: string;

  @PrimaryColumn({ type: 'integer' })
  revision!: number;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ name: 'supersedes_revision', type: 'integer', nullable: true })
  supersedesRevision!: number | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  distribution!: Array<{ department: string; copy: number }>;

  @Column({ type: 'jsonb' })
  signatures!: Array<{ by: string; role: string; at: string }>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
