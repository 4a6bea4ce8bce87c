import { ApiError } from '../common/api-error';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Department, type Role } from '@aso/domain';
import { RefreshTokensRepository, UsersRepository, type UserEntity } from '@aso/persistence';
import { assertAdmin } from '../auth/access-policy';
import { toAuthUser, toUserView, type AuthUser, type UserView } from '../auth/auth-user';
import { PasswordHasher } from '../auth/password-hasher';
import type { Qualification } from '../auth/qualifications';
import { CLOCK, type Clock } from '../common/clock';

export interface NewUserInput {
  username: string;
  displayName: string;
  password: string;
  department: Department;
  roles: Role[];
  approvalLimitFen?: number | null;
  qualifications?: Qualification[];
}

export interface UserChangesInput {
  displayName?: string;
  password?: string;
  department?: Department;
  roles?: Role[];
  approvalLimitFen?: number | null;
  qualifications?: Qualification[];
}

export type AdminUserView = UserView & { active: boolean; createdAt: string; updatedAt: string };

const toAdminView = (u: UserEntity): AdminUserView => ({
  ...toUserView(toAuthUser(u)),
  active: u.active,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

/**
 * User administration within the admin's own organisation (DOMAIN.md "admins": users,
 * departments, roles). Every method checks the admin role first; a change of department,
 * roles, limit or password ends the user's refresh sessions (token_version).
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
  ) {}

  async list(admin: AuthUser): Promise<AdminUserView[]> {
    assertAdmin(admin, 'Listing users');
    return (await this.users.list(admin.organisationId)).map(toAdminView);
  }

  async create(admin: AuthUser, input: NewUserInput): Promise<AdminUserView> {
    assertAdmin(admin, 'Creating a user');
    const created = await this.users.create(
      {
        id: randomUUID(),
        organisationId: admin.organisationId,
        username: input.username,
        displayName: input.displayName,
        passwordHash: await this.hasher.hash(input.password),
        department: input.department,
        roles: input.roles,
        approvalLimitFen: input.approvalLimitFen ?? null,
        qualifications: input.qualifications ?? [],
      },
      this.clock(),
    );
    if (!created) {
      throw new ApiError('USERNAME_TAKEN', `The username ${input.username} is taken`, {
        username: input.username,
      });
    }
    return toAdminView(created);
  }

  async update(admin: AuthUser, id: string, input: UserChangesInput): Promise<AdminUserView> {
    assertAdmin(admin, 'Changing a user');
    const { password, ...rest } = input;
    const updated = await this.users.update(
      admin.organisationId,
      id,
      { ...rest, ...(password ? { passwordHash: await this.hasher.hash(password) } : {}) },
      this.clock(),
    );
    if (!updated) throw new ApiError('USER_NOT_FOUND', `No user ${id}`, { userId: id });
    return toAdminView(updated);
  }

  async deactivate(admin: AuthUser, id: string): Promise<AdminUserView> {
    assertAdmin(admin, 'Deactivating a user');
    if (id === admin.id) {
      throw new ApiError('CANNOT_DEACTIVATE_SELF', 'Admins cannot deactivate themselves', {
        userId: id,
      });
    }
    const now = this.clock();
    const updated = await this.users.update(admin.organisationId, id, { active: false }, now);
    if (!updated) throw new ApiError('USER_NOT_FOUND', `No user ${id}`, { userId: id });
    await this.refreshTokens.revokeAllOf(id, now);
    return toAdminView(updated);
  }
}
