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

  /** The number of the organisation's newest version, without its document (null: none yet). */
  async latestVersion(organisationId: string): Promise<number | null> {
    const rows = (await this.ds.query(
      `SELECT max(version) AS version FROM policy_versions WHERE organisation_id = $1`,
      [organisationId],
    )) as Array<{ version: number | null }>;
    return rows[0]?.version ?? null;
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
