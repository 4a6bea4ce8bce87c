import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AbsencesRepository,
  createDataSource,
  PoliciesRepository,
  UsersRepository,
  type NewAbsence,
} from '@aso/persistence';

/** Real PostgreSQL, schema from the migrations (integration global setup). Nothing faked. */
const url = process.env.ASO_INT_DATABASE_URL as string;
let ds: DataSource;
let absences: AbsencesRepository;
let users: UsersRepository;
const run = randomUUID().slice(0, 8);
const org = `org-abs-${run}`;
let alice: string;
let bob: string;

beforeAll(async () => {
  ds = await createDataSource(url).initialize();
  absences = new AbsencesRepository(ds);
  users = new UsersRepository(ds);
  const make = async (username: string) => {
    const id = randomUUID();
    await users.create({
      id,
      organisationId: org,
      username,
      displayName: username,
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      department: 'cs',
      roles: ['staff'],
      approvalLimitFen: null,
    });
    return id;
  };
  [alice, bob] = await Promise.all([make(`alice-${run}`), make(`bob-${run}`)]);
});
afterAll(async () => {
  await ds.destroy();
});

const at = (iso: string) => new Date(iso);
const absence = (over: Partial<NewAbsence> = {}): NewAbsence => ({
  id: randomUUID(),
  organisationId: org,
  userId: alice,
  delegateId: bob,
  startsAt: at('2031-03-02T01:00:00Z'),
  endsAt: at('2031-03-06T10:00:00Z'),
  reason: null,
  ...over,
});

describe('absences on PostgreSQL', () => {
  test('overlapping absences of one user: of ten concurrent requests exactly one lands; adjacent periods are fine', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => absences.create(absence(), new Date())),
    );
    expect(results.filter((r) => 'created' in r)).toHaveLength(1);
    expect(results.filter((r) => 'overlaps' in r)).toHaveLength(9);
    const next = await absences.create(
      absence({ startsAt: at('2031-03-06T10:00:00Z'), endsAt: at('2031-03-07T10:00:00Z') }),
      new Date(),
    );
    expect('created' in next).toBe(true);
  });

  test('live at an instant, whose work a delegate stands in for, cancel once, hand-over marked once', async () => {
    const a = absence({ startsAt: at('2031-04-01T00:00:00Z'), endsAt: at('2031-04-02T00:00:00Z') });
    expect('created' in (await absences.create(a, new Date()))).toBe(true);
    const inside = at('2031-04-01T12:00:00Z');
    expect((await absences.liveAt(inside)).map((x) => x.id)).toContain(a.id);
    expect((await absences.liveAt(at('2031-04-02T00:00:00Z'))).map((x) => x.id)).not.toContain(
      a.id,
    );
    expect((await absences.standingInFor(org, bob, inside)).map((x) => x.id)).toEqual([a.id]);
    expect(await absences.standingInFor(`other-${run}`, bob, inside)).toEqual([]);
    expect(await absences.awayDuring(org, alice, inside, at('2031-04-03T00:00:00Z'))).toBe(true);
    expect(await absences.awayDuring(org, bob, inside, at('2031-04-03T00:00:00Z'))).toBe(false);

    await absences.markHandedOver(a.id, at('2031-04-01T00:00:01Z'));
    await absences.markHandedOver(a.id, at('2031-04-01T05:00:00Z'));
    expect((await absences.findOne(org, a.id))?.handedOverAt).toEqual(at('2031-04-01T00:00:01Z'));

    expect(await absences.cancel(`other-${run}`, a.id, new Date())).toBe(false);
    expect(await absences.cancel(org, a.id, new Date())).toBe(true);
    expect(await absences.cancel(org, a.id, new Date())).toBe(false);
    expect((await absences.liveAt(inside)).map((x) => x.id)).not.toContain(a.id);
  });

  test('the table refuses a delegate who is the absent user, and a period that ends before it starts', async () => {
    await expect(
      absences.create(
        absence({
          delegateId: alice,
          startsAt: at('2032-01-01T00:00:00Z'),
          endsAt: at('2032-01-02T00:00:00Z'),
        }),
        new Date(),
      ),
    ).rejects.toThrow(/check/i);
    await expect(
      absences.create(
        absence({ startsAt: at('2032-02-02T00:00:00Z'), endsAt: at('2032-02-01T00:00:00Z') }),
        new Date(),
      ),
    ).rejects.toThrow(/check/i);
  });
});

describe('policy versions on PostgreSQL', () => {
  test('a version is never edited or deleted: the table refuses UPDATE and DELETE', async () => {
    const policies = new PoliciesRepository(ds);
    expect(await policies.add(org, 1, { version: 1 }, 'system')).toBe(true);
    expect(await policies.add(org, 1, { version: 1, edited: true }, 'system')).toBe(false);
    await expect(
      ds.query(`UPDATE policy_versions SET content = '{}' WHERE organisation_id = $1`, [org]),
    ).rejects.toThrow(/never edited/);
    await expect(
      ds.query(`DELETE FROM policy_versions WHERE organisation_id = $1`, [org]),
    ).rejects.toThrow(/never edited/);
    expect((await policies.find(org, 1))?.content).toEqual({ version: 1 });
  });
});
