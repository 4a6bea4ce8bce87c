import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CasesRepository, createDataSource } from '@aso/persistence';

/**
 * The customer search of the case list through the name grams (migration 1763803500000): the
 * same rows as the plain ILIKE it replaced, for Chinese, Latin, digit and mixed queries, one
 * character long or longer. Real PostgreSQL (C locale, as the clusters run), nothing faked.
 */
const url = process.env.ASO_INT_DATABASE_URL as string;
const ORG = 'org-customer-search';
let ds: DataSource;
let db: Client;

const NAMES = [
  '王先生',
  '王女士12',
  '张伟',
  '欧阳王明',
  '李王',
  '王',
  '陈总 ABC',
  'Anna Müller',
  'ANNA müller',
  'anna-maria',
  'Bob 100%',
  'bob_1',
  'back\\slash',
  '13800138000',
  '客户 138-0013',
  '王王王',
  '  空格  ',
];

beforeAll(async () => {
  ds = await createDataSource(url).initialize();
  db = new Client({ connectionString: url });
  await db.connect();
  await db.query(`DELETE FROM cases WHERE organisation_id = $1`, [ORG]);
  for (const [i, name] of NAMES.entries())
    await db.query(
      `INSERT INTO cases (case_number, organisation_id, type, status, stage, customer_name,
         order_number, opened_by, opened_at, updated_at)
       VALUES ($1, $2, 'complaint', 'open', 'registration', $3, 'SO-1', 'u', $4, $4)`,
      [`KS202611-${String(9000 + i)}`, ORG, name, new Date(Date.UTC(2026, 10, 1) + i * 60_000)],
    );
});
afterAll(async () => {
  await db.query(`DELETE FROM cases WHERE organisation_id = $1`, [ORG]);
  await db.end();
  await ds.destroy();
});

/** what the list found before the grams: ILIKE alone, escaped as the repository escapes */
const byIlike = async (q: string): Promise<string[]> =>
  (
    await db.query(
      `SELECT customer_name FROM cases WHERE organisation_id = $1
          AND customer_name ILIKE $2 ESCAPE '\\' ORDER BY opened_at DESC, case_number DESC`,
      [ORG, `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`],
    )
  ).rows.map((r: { customer_name: string }) => r.customer_name);

const bySearch = async (q: string): Promise<string[]> =>
  (
    await new CasesRepository(ds).list({
      organisationId: ORG,
      customer: q,
      visibleTo: 'all',
      limit: 200,
      offset: 0,
    })
  ).rows.map((r) => r.customerName);

describe('customer search over the name grams', () => {
  it.each([
    // Chinese, one character and more
    ['王', ['王王王', '王', '李王', '欧阳王明', '王女士12', '王先生']],
    ['王先', ['王先生']],
    ['先生', ['王先生']],
    ['阳王明', ['欧阳王明']],
    ['王王', ['王王王']],
    ['王张', []],
    // Latin, case-insensitive for ASCII letters (the C locale's ILIKE)
    ['anna', ['anna-maria', 'ANNA müller', 'Anna Müller']],
    ['A', ['陈总 ABC', 'back\\slash', 'anna-maria', 'ANNA müller', 'Anna Müller']],
    ['müller', ['ANNA müller', 'Anna Müller']],
    ['n', ['anna-maria', 'ANNA müller', 'Anna Müller']],
    // digits, and what LIKE would read as wildcards
    ['1', ['客户 138-0013', '13800138000', 'bob_1', 'Bob 100%', '王女士12']],
    ['138', ['客户 138-0013', '13800138000']],
    ['0013', ['客户 138-0013', '13800138000']],
    ['%', ['Bob 100%']],
    ['_', ['bob_1']],
    ['\\', ['back\\slash']],
    ['0%', ['Bob 100%']],
    // spaces and a mixed query
    [' ', ['  空格  ', '客户 138-0013', '陈总 ABC', 'Anna Müller', 'ANNA müller', 'Bob 100%']],
    ['总 a', ['陈总 ABC']],
    ['空格', ['  空格  ']],
  ])('%j finds the same rows as ILIKE: %j', async (q, expected) => {
    const ilike = await byIlike(q);
    expect(await bySearch(q)).toEqual(ilike);
    expect([...ilike].sort()).toEqual([...expected].sort());
  });

  it('every name is found by each of its substrings (no row the grams miss)', async () => {
    for (const name of NAMES)
      for (let i = 0; i < name.length; i++)
        for (const n of [1, 2, 3]) {
          const q = name.slice(i, i + n);
          if (q.length < n) continue;
          expect({ q, found: await bySearch(q) }).toEqual({ q, found: await byIlike(q) });
        }
  });

  it('the grams are filled for rows written later (a generated column)', async () => {
    const { rows } = await db.query(
      `SELECT customer_name_grams AS g FROM cases WHERE organisation_id = $1 AND customer_name = '张伟'`,
      [ORG],
    );
    expect([...(rows[0] as { g: string[] }).g].sort()).toEqual(['伟', '张', '张伟'].sort());
  });
});
