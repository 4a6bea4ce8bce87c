import { DUMMY_HASH, PasswordHasher } from './password-hasher';

describe('PasswordHasher (argon2id)', () => {
  const hasher = new PasswordHasher();

  test('hashes with argon2id and a fresh salt; verifies only the right password', async () => {
    const a = await hasher.hash('correct horse battery');
    const b = await hasher.hash('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify(a, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(a, 'correct horse batter')).toBe(false);
  });

  test('a malformed stored hash is a failed login, and the dummy hash matches nothing usual', async () => {
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
    expect(await hasher.verify(DUMMY_HASH, '')).toBe(false);
    expect(await hasher.verify(DUMMY_HASH, 'password')).toBe(false);
  });
});
