import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (OWASP's m=19 MiB, t=2, p=1). The parameters travel in
 * each hash, so raising them later re-hashes nobody and breaks no login.
 */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false; // a malformed stored hash is a failed login, not a 500
    }
  }
}

/** Checked against when the user does not exist, so a wrong username costs as long as a wrong password. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$gQSkhnDyvTHxE11rEKYQXg$qamqxywZ8+9MVcHPtkyhfz+z3TD/WL5xpPlfSF6QHME';
