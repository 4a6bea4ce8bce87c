import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { BUILT_IN_POLICIES, currentBuiltInPolicy } from '../libs/domain/src/policy/default-policy';
import { createDataSource } from '../libs/persistence/src/data-source';

/**
 * `npm run org:create -- <id> [--name <display name>] [--admin <username>]` (issue 12 #8): a new
 * organisation (tenant) with its first admin, who then creates the other users through
 * `POST /admin/users`. The admin's password is generated, printed once and stored only as an
 * argon2 hash. The built-in policy versions (1 and 2; new cases pin the newest) are recorded at
 * once. Refuses an
 * id that is taken — by a registered organisation or by users of one seeded before — so it never
 * adds an admin to an existing tenant.
 */
export interface CreatedOrganisation {
  organisationId: string;
  name: string;
  admin: { id: string; username: string; password: string };
}

export class OrgCreateError extends Error {
  override readonly name = 'OrgCreateError';
}

export const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export async function createOrganisation(
  databaseUrl: string,
  organisationId: string,
  options: { name?: string; adminUsername?: string; password?: string } = {},
): Promise<CreatedOrganisation> {
  if (!ORGANISATION_ID.test(organisationId))
    throw new OrgCreateError(
      `Organisation id "${organisationId}": 2–63 of a-z, 0-9 and -, starting with a letter or digit`,
    );
  const username = (options.adminUsername ?? 'admin').toLowerCase();
  if (!USERNAME.test(username)) throw new OrgCreateError(`Admin username "${username}" is invalid`);
  const name = options.name ?? organisationId;
  const password = options.password ?? randomBytes(18).toString('base64url');
  const passwordHash = await hash(password);
  const id = randomUUID();
  const ds = await createDataSource(databaseUrl, { poolSize: 2 }).initialize();
  try {
    await ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('organisations'), hashtext($1))`, [
        organisationId,
      ]);
      const users: unknown[] = await m.query(
        `SELECT 1 FROM users WHERE organisation_id = $1 LIMIT 1`,
        [organisationId],
      );
      const inserted: unknown[] = await m.query(
        `INSERT INTO organisations (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`,
        [organisationId, name],
      );
      if (inserted.length === 0 || users.length > 0)
        throw new OrgCreateError(`Organisation "${organisationId}" already exists`);
      await m.query(
        `INSERT INTO users (id, organisation_id, username, display_name, password_hash, department,
                            roles, approval_limit_fen, active, token_version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'hr', ARRAY['admin']::text[], NULL, true, 0, now(), now())`,
        [id, organisationId, username, `${name} 系统管理员`, passwordHash],
      );
      // Every built-in version, oldest first, as the API would record them on first use:
      // the organisation's new cases pin the newest (version 2, DOMAIN.md's seed decisions).
      for (const policy of BUILT_IN_POLICIES)
        await m.query(
          `INSERT INTO policy_versions (organisation_id, version, content, created_by)
           VALUES ($1, $2, $3::jsonb, 'system') ON CONFLICT DO NOTHING`,
          [organisationId, policy.version, JSON.stringify(policy)],
        );
    });
  } finally {
    await ds.destroy();
  }
  return { organisationId, name, admin: { id, username, password } };
}

export function formatCreated(o: CreatedOrganisation): string {
  return [
    `Organisation "${o.organisationId}" (${o.name}) created, policy version ${currentBuiltInPolicy.version}.`,
    `First admin: username ${o.admin.username}  password ${o.admin.password}`,
    '(shown once; the admin creates the other users with POST /admin/users)',
    `  POST /auth/login {"organisation":"${o.organisationId}","username":"${o.admin.username}","password":"…"}`,
  ].join('\n');
}

function parseArgs(argv: string[]): { id?: string; name?: string; admin?: string } {
  const out: { id?: string; name?: string; admin?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--name') out.name = argv[++i];
    else if (a === '--admin') out.admin = argv[++i];
    else if (out.id === undefined) out.id = a;
  }
  return out;
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  const args = parseArgs(process.argv.slice(2));
  if (!url || !args.id) {
    process.stderr.write(
      `${url ? '' : 'DATABASE_URL is not set\n'}usage: npm run org:create -- <id> [--name <name>] [--admin <username>]\n`,
    );
    process.exit(1);
  }
  createOrganisation(url, args.id, { name: args.name, adminUsername: args.admin })
    .then((o) => process.stdout.write(`${formatCreated(o)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exit(1);
    });
}
