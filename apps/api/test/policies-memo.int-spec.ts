import { AuditRepository, createDataSource, PoliciesRepository } from '@aso/persistence';
import { currentBuiltInPolicy } from '@aso/domain';
import type { DataSource } from 'typeorm';
import { PoliciesService } from '../src/policies/policies.service';

/** Real PostgreSQL, schema from the migrations (integration global setup). Nothing faked. */
const url = process.env.ASO_INT_DATABASE_URL as string;
let ds: DataSource;

beforeAll(async () => {
  ds = await createDataSource(url).initialize();
});
afterAll(async () => {
  await ds.destroy();
});

describe('the policy a new case pins, on PostgreSQL', () => {
  test('issue 14: the newest version is parsed once per process and shared frozen; a newly published version is served at once', async () => {
    const repo = new PoliciesRepository(ds);
    const service = new PoliciesService(repo, new AuditRepository(ds));
    const org = `org-memo-${Date.now()}`;
    const first = await service.current(org);
    // first use records the built-in versions; the newest is the one pinned
    expect(first.version).toBe(currentBuiltInPolicy.version);
    expect(first).toEqual(currentBuiltInPolicy);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.calendar)).toBe(true);
    expect(() => {
      (first as { name: string }).name = 'edited';
    }).toThrow(TypeError);
    expect(await service.current(org)).toBe(first); // the same parse, not a new one

    // another process publishes the next version: the next opening pins it
    const next = { ...currentBuiltInPolicy, version: first.version + 1, name: 'v-next' };
    expect(await repo.add(org, next.version, next, 'admin')).toBe(true);
    const after = await service.current(org);
    expect(after.version).toBe(first.version + 1);
    expect(after.name).toBe('v-next');
    // another organisation's versions are its own
    expect((await service.current(`${org}-b`)).version).toBe(currentBuiltInPolicy.version);
  });
});
