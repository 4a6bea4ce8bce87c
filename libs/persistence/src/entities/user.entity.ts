import { Column, Entity, PrimaryColumn } from 'typeorm';

/** bigint comes back from pg as a string; amounts in fen stay far below 2^53. */
const fen = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** A local user of one organisation (tenant). Never leaves the API as is: DTOs map it. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  department!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  @Column({ name: 'approval_limit_fen', type: 'bigint', nullable: true, transformer: fen })
  approvalLimitFen!: number | null;

  /** F18 004 八.(一)3: what the user was trained and passed for (`follow_up_caller`) */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  qualifications!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
