import { commandIdOf } from './idempotency.service';

describe('commandIdOf (the Temporal update id of a keyed command, issue 8 #5)', () => {
  const base = { organisationId: 'org', userId: 'u1', key: 'k-1', requestHash: 'a'.repeat(64) };

  test('the same request with the same key is the same command in any process', () => {
    expect(commandIdOf({ ...base })).toBe(commandIdOf(base));
    expect(commandIdOf(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    ['another organisation', { organisationId: 'org2' }],
    ['another user', { userId: 'u2' }],
    ['another key', { key: 'k-2' }],
    ['another request under a reused key', { requestHash: 'b'.repeat(64) }],
  ])('%s is another command', (_, change) => {
    expect(commandIdOf({ ...base, ...change })).not.toBe(commandIdOf(base));
  });

  test('fields cannot be shifted into each other', () => {
    expect(commandIdOf({ ...base, userId: 'u1k', key: '-1' })).not.toBe(
      commandIdOf({ ...base, userId: 'u1', key: 'k-1' }),
    );
  });
});
