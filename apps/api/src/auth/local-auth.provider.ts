import { ApiError } from '../common/api-error';
import { Injectable } from '@nestjs/common';
import { UsersRepository } from '@aso/persistence';
import { AuthProvider, type PasswordCredentials } from './auth-provider';
import { toAuthUser, type AuthUser } from './auth-user';
import { DUMMY_HASH, PasswordHasher } from './password-hasher';

/** Organisation + username + password against the users table (argon2id hashes). */
@Injectable()
export class LocalAuthProvider extends AuthProvider {
  readonly kind = 'local';

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {
    super();
  }

  async authenticate(credentials: PasswordCredentials): Promise<AuthUser> {
    const user = await this.users.findByUsername(credentials.organisation, credentials.username);
    const ok = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, credentials.password);
    if (!user || !ok || !user.active) {
      throw new ApiError('INVALID_CREDENTIALS', 'Wrong organisation, username or password');
    }
    return toAuthUser(user);
  }
}
