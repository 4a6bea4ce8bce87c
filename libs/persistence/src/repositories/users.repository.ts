import type { DataSource } from 'typeorm';
import { TaskEntity } from '../entities/task.entity';
import { UserEntity } from '../entities/user.entity';
import { rowPlan, type RowPlan } from './row-plan';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NewUser {
  id: string;
  organisationId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  department: string;
  roles: string[];
  approvalLimitFen: number | null;
  /** F18: granted by an admin after training (none by default) */
  qualifications?: string[];
}

export type UserChanges = Partial<
  Pick<
    UserEntity,
    | 'displayName'
    | 'passwordHash'
    | 'department'
    | 'roles'
    | 'approvalLimitFen'
    | 'active'
    | 'qualifications'
  >
>;

/**
 * Users of every organisation, always read within one: no method looks a user up without the
 * organisation, so a token of one tenant can never resolve to a user of another.
 */
export class UsersRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The auth guard's read on every request (rowPlan: no per-call query building). A string that
   * is not a uuid names nobody, as findOneBy on the uuid column would fail on it instead.
   */
  async findById(organisationId: string, id: string): Promise<UserEntity | null> {
    if (!UUID.test(id)) return null;
    this.plan ??= rowPlan(this.ds, UserEntity);
    const rows = (await this.ds.query(
      `SELECT ${this.plan.select('u')} FROM users u WHERE u.organisation_id = $1 AND u.id = $2`,
      [organisationId, id],
    )) as Array<Record<string, unknown>>;
    return rows[0] ? this.plan.read(rows[0]) : null;
  }

  private plan?: RowPlan<UserEntity>;

  /**
   * The guard's read on a task route: the user and the task row of the same organisation in one
   * statement (a task command read them one round trip after the other, issue 14). The task is
   * null when the organisation has no such task; both are null when there is no such user.
   */
  async findByIdWithTask(
    organisationId: string,
    id: string,
    taskId: string,
  ): Promise<{ user: UserEntity | null; task: TaskEntity | null }> {
    if (!UUID.test(id)) return { user: null, task: null };
    this.plan ??= rowPlan(this.ds, UserEntity);
    this.taskPlan ??= rowPlan(this.ds, TaskEntity);
    const rows = (await this.ds.query(
      `SELECT ${this.plan.select('u')}, t.task_id IS NOT NULL AS "t__found", ${this.taskPlan.select('t', 't__')}
         FROM users u
         LEFT JOIN tasks t ON t.organisation_id = u.organisation_id AND t.task_id = $3
        WHERE u.organisation_id = $1 AND u.id = $2`,
      [organisationId, id, taskId],
    )) as Array<Record<string, unknown>>;
    const row = rows[0];
    if (!row) return { user: null, task: null };
    return {
      user: this.plan.read(row),
      task: row.t__found === true ? this.taskPlan.read(row, 't__') : null,
    };
  }

  private taskPlan?: RowPlan<TaskEntity>;

  /**
   * Only for a refresh token, which is bound to one user id (a uuid) when issued: the
   * organisation then comes from that user's row, never from the caller.
   */
  findByIdAnyOrganisation(id: string): Promise<UserEntity | null> {
    return this.ds.getRepository(UserEntity).findOneBy({ id });
  }

  /** Usernames are stored lower-case; the lookup folds case the same way. */
  findByUsername(organisationId: string, username: string): Promise<UserEntity | null> {
    return this.ds
      .getRepository(UserEntity)
      .findOneBy({ organisationId, username: username.toLowerCase() });
  }

  list(organisationId: string): Promise<UserEntity[]> {
    return this.ds
      .getRepository(UserEntity)
      .find({ where: { organisationId }, order: { department: 'ASC', username: 'ASC' } });
  }

  /** Inserts the user unless the username is taken in that organisation (then returns null). */
  async create(user: NewUser, now = new Date()): Promise<UserEntity | null> {
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO users (id, organisation_id, username, display_name, password_hash, department,
                          roles, approval_limit_fen, qualifications, active, token_version,
                          created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $10::text[], true, 0, $9, $9)
       ON CONFLICT (organisation_id, username) DO NOTHING RETURNING id`,
      [
        user.id,
        user.organisationId,
        user.username.toLowerCase(),
        user.displayName,
        user.passwordHash,
        user.department,
        user.roles,
        user.approvalLimitFen,
        now,
        user.qualifications ?? [],
      ],
    );
    return rows.length > 0 ? this.findById(user.organisationId, user.id) : null;
  }

  /**
   * Applies the changes; a change of who the user is (department, roles, limit, password,
   * deactivation) bumps token_version, which revokes the refresh tokens issued before it.
   */
  async update(
    organisationId: string,
    id: string,
    changes: UserChanges,
    now = new Date(),
  ): Promise<UserEntity | null> {
    const revokes =
      changes.department !== undefined ||
      changes.roles !== undefined ||
      changes.approvalLimitFen !== undefined ||
      changes.passwordHash !== undefined ||
      changes.active === false;
    const result = await this.ds
      .createQueryBuilder()
      .update(UserEntity)
      .set({
        ...changes,
        updatedAt: now,
        ...(revokes ? { tokenVersion: () => 'token_version + 1' } : {}),
      })
      .where('organisation_id = :organisationId AND id = :id', { organisationId, id })
      .execute();
    return result.affected ? this.findById(organisationId, id) : null;
  }
}
