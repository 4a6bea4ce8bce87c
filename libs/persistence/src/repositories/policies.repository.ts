import type { DataSource } from 'typeorm';
import { PolicyVersionEntity } from '../entities/policy-version.entity';

/** Versioned policies: add a version, read the latest; a version is never edited in place. */
export class PoliciesRepository {
  constructor(private readonly ds: DataSource) {}

  latest(organisationId: string): Promise<PolicyVersionEntity | null> {
    return this.ds.getRepository(PolicyVersionEntity).findOne({
      where: { organisationId },
      order: { version: 'DESC' },
    });
  }

  /** Every version of the organisation, oldest first. */
  list(organisationId: string): Promise<PolicyVersionEntity[]> {
    return this.ds
      .getRepository(PolicyVersionEntity)
      .find({ where: { organisationId }, order: { version: 'ASC' } });
  }

  find(organisationId: string, version: number): Promise<PolicyVersionEntity | null> {
    return this.ds.getRepository(PolicyVersionEntity).findOneBy({ organisationId, version });
  }

  /** Inserts the version if it is not there yet; returns false when it already existed. */
  async add(
    organisationId: string,
    version: number,
    content: object,
    createdBy: string,
  ): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO policy_versions (organisation_id, version, content, created_by)
       VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT DO NOTHING RETURNING version`,
      [organisationId, version, JSON.stringify(content), createdBy],
    );
    return rows.length > 0;
  }
}
