import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of a case: lists and searches read this, never the workflow. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn({ name: 'case_number', type: 'text' })
  caseNumber!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ name: 'store_id', type: 'text', nullable: true })
  storeId!: string | null;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ name: 'customer_name', type: 'text' })
  customerName!: string;

  @Column({ name: 'customer_phone', type: 'text', nullable: true })
  customerPhone!: string | null;

  @Column({ name: 'order_number', type: 'text' })
  orderNumber!: string;

  @Column({ name: 'defect_description', type: 'text', nullable: true })
  defectDescription!: string | null;

  @Column({ type: 'integer', nullable: true })
  quantity!: number | null;

  @Column({ type: 'text', nullable: true })
  classification!: string | null;

  @Column({ type: 'text', nullable: true })
  severity!: string | null;

  @Column({ type: 'text', nullable: true })
  method!: string | null;

  @Column({ name: 'loss_amount_fen', type: 'bigint', nullable: true, transformer: bigintNumber() })
  lossAmountFen!: number | null;

  @Column({
    name: 'approved_amount_fen',
    type: 'bigint',
    nullable: true,
    transformer: bigintNumber(),
  })
  approvedAmountFen!: number | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ name: 'overdue_stages', type: 'text', array: true, default: () => "'{}'" })
  overdueStages!: string[];

  @Column({ name: 'policy_version', type: 'integer', default: 1 })
  policyVersion!: number;

  @Column({ name: 'parent_case_number', type: 'text', nullable: true })
  parentCaseNumber!: string | null;

  @Column({ name: 'child_case_numbers', type: 'text', array: true, default: () => "'{}'" })
  childCaseNumbers!: string[];

  @Column({ name: 'opened_by', type: 'text' })
  openedBy!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'closing_due_at', type: 'timestamptz', nullable: true })
  closingDueAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_on_time', type: 'boolean', nullable: true })
  closedOnTime!: boolean | null;

  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** pg returns bigint as a string; amounts in fen stay far below 2^53. */
function bigintNumber() {
  return {
    to: (v: number | null) => v,
    from: (v: string | null) => (v === null ? null : Number(v)),
  };
}
