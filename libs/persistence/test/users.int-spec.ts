import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  RefreshTokensRepository,
  TaskEntity,
  TasksRepository,
  UserEntity,
  UsersRepository,
  type NewUser,
} from '@aso/persistence';

/** Real PostgreSQL, schema from the migrations (integration global setup). Nothing faked. */
const url = process.env.ASO_INT_DATABASE_URL as string;
let ds: DataSource;
let users: UsersRepository;
let tokens: RefreshTokensRepository;

beforeAll(async () => {
  ds = await createDataSource(url).initialize();
  users = new UsersRepository(ds);
  tokens = new RefreshTokensRepository(ds);
});
afterAll(async () => {
  await ds.destroy();
});

const run = randomUUID().slice(0, 8);
const newUser = (over: Partial<NewUser> = {}): NewUser => ({
  id: randomUUID(),
  organisationId: `org-${run}`,
  username: `cs-${run}`,
  displayName: '客服',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  department: 'cs',
  roles: ['staff'],
  approvalLimitFen: null,
  ...over,
});

describe('users on PostgreSQL', () => {
  test('a username is unique per organisation, case-insensitively; another organisation may reuse it', async () => {
    const a = await users.create(newUser({ username: `Sales-${run}`, approvalLimitFen: 50_000 }));
    expect(a).toMatchObject({
      username: `sales-${run}`,
      roles: ['staff'],
      approvalLimitFen: 50_000,
      active: true,
      tokenVersion: 0,
    });
    expect(await users.create(newUser({ username: `SALES-${run}` }))).toBeNull();
    const other = await users.create(
      newUser({ username: `sales-${run}`, organisationId: `other-${run}` }),
    );
    expect(other?.organisationId).toBe(`other-${run}`);
    expect((await users.findByUsername(`org-${run}`, `SaLeS-${run}`))?.id).toBe(a?.id);
  });

  test("issue 14: findById (the guard's read, by a column plan) returns the entity TypeORM itself reads — bigint limit as a number, arrays, dates; a non-uuid id names nobody", async () => {
    const u = await users.create(
      newUser({
        username: `planned-${run}`,
        approvalLimitFen: 9_007_199_254_740,
        roles: ['staff', 'manager'],
        qualifications: ['follow_up_caller'],
      }),
    );
    const read = await users.findById(`org-${run}`, u!.id);
    expect(read).toBeInstanceOf(UserEntity);
    expect(read).toEqual(await ds.getRepository(UserEntity).findOneByOrFail({ id: u!.id }));
    expect(read?.approvalLimitFen).toBe(9_007_199_254_740);
    expect(read?.createdAt).toBeInstanceOf(Date);
    expect(await users.findById(`org-${run}`, 'not-a-uuid')).toBeNull();
  });

  test("issue 14: findByIdWithTask (a task route's guard read) returns the user and the task row findById and TasksRepository.findOne return, in one statement; scoped by organisation", async () => {
    const u = await users.create(newUser({ username: `tasked-${run}`, roles: ['staff', 'lead'] }));
    const taskId = `KS209911-${run}-T2`;
    await ds.getRepository(TaskEntity).insert({
      taskId,
      organisationId: `org-${run}`,
      caseNumber: `KS209911-${run}`,
      type: 'cs_registration',
      stage: 'registration',
      candidateDepartment: 'cs',
      candidateRoles: ['manager'],
      assignee: u!.id,
      priority: 2,
      status: 'claimed',
      commands: ['RegisterComplaint'],
      overdue: true,
      dueAt: new Date('2026-12-01T09:30:00.000Z'),
      dueProvisional: false,
      escalationLevel: 1,
      escalatesTaskId: null,
      createdAt: new Date('2026-11-30T01:00:00.000Z'),
      completedAt: null,
      completedBy: null,
      updatedAt: new Date(),
    });
    const both = await users.findByIdWithTask(`org-${run}`, u!.id, taskId);
    expect(both.user).toBeInstanceOf(UserEntity);
    expect(both.user).toEqual(await users.findById(`org-${run}`, u!.id));
    expect(both.task).toBeInstanceOf(TaskEntity);
    expect(both.task).toEqual(await new TasksRepository(ds).findOne(`org-${run}`, taskId));
    expect(both.task).toMatchObject({ candidateRoles: ['manager'], escalationLevel: 1 });
    expect(both.task?.dueAt).toEqual(new Date('2026-12-01T09:30:00.000Z'));
    // no such task: the user all the same, the task null
    expect(await users.findByIdWithTask(`org-${run}`, u!.id, `${taskId}9`)).toEqual({
      user: both.user,
      task: null,
    });
    // another tenant's user never reaches this organisation's task; its token names neither
    const stranger = await users.create(
      newUser({ username: `tasked-${run}`, organisationId: `other-${run}` }),
    );
    expect(await users.findByIdWithTask(`other-${run}`, stranger!.id, taskId)).toEqual({
      user: await users.findById(`other-${run}`, stranger!.id),
      task: null,
    });
    expect(await users.findByIdWithTask(`other-${run}`, u!.id, taskId)).toEqual({
      user: null,
      task: null,
    });
    expect(await users.findByIdWithTask(`org-${run}`, 'not-a-uuid', taskId)).toEqual({
      user: null,
      task: null,
    });
  });

  test('every lookup is scoped by organisation: a user id of another tenant is not found', async () => {
    const u = await users.create(newUser({ username: `scoped-${run}` }));
    expect(await users.findById(`other-${run}`, u!.id)).toBeNull();
    expect(await users.findByUsername(`other-${run}`, `scoped-${run}`)).toBeNull();
    expect(await users.update(`other-${run}`, u!.id, { active: false })).toBeNull();
    expect((await users.findById(`org-${run}`, u!.id))?.active).toBe(true);
    expect((await users.list(`org-${run}`)).map((x) => x.organisationId)).toEqual(
      expect.arrayContaining([`org-${run}`]),
    );
    expect((await users.list(`org-${run}`)).every((x) => x.organisationId === `org-${run}`)).toBe(
      true,
    );
  });

  test('changing who a user is bumps token_version; a display-name change does not', async () => {
    const u = await users.create(newUser({ username: `bump-${run}` }));
    const renamed = await users.update(`org-${run}`, u!.id, { displayName: '新名字' });
    expect(renamed?.tokenVersion).toBe(0);
    const promoted = await users.update(`org-${run}`, u!.id, {
      roles: ['manager'],
      department: 'rnd',
      approvalLimitFen: 1_000,
    });
    expect(promoted).toMatchObject({
      tokenVersion: 1,
      roles: ['manager'],
      department: 'rnd',
      approvalLimitFen: 1_000,
    });
    expect((await users.update(`org-${run}`, u!.id, { active: false }))?.tokenVersion).toBe(2);
  });

  test('the schema refuses bad rows: empty roles, negative limits, a mixed-case username', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const insert = (username: string, roles: string, limit: number | null) =>
        client.query(
          `INSERT INTO users (id, organisation_id, username, display_name, password_hash, department, roles, approval_limit_fen)
           VALUES ($1, $2, $3, 'x', 'h', 'cs', $4::text[], $5)`,
          [randomUUID(), `org-${run}`, username, roles, limit],
        );
      await expect(insert(`ok-${run}`, '{}', null)).rejects.toThrow(/check/i);
      await expect(insert(`ok2-${run}`, '{staff}', -1)).rejects.toThrow(/check/i);
      await expect(insert(`Upper-${run}`, '{staff}', null)).rejects.toThrow(/check/i);
    } finally {
      await client.end();
    }
  });

  test('refresh tokens: rotation revokes the old one exactly once; revokeAllOf ends the rest', async () => {
    const u = await users.create(newUser({ username: `tok-${run}` }));
    const now = new Date();
    const token = (id = randomUUID()) => ({
      id,
      userId: u!.id,
      tokenHash: 'a'.repeat(64),
      tokenVersion: 0,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    });
    const first = token();
    await tokens.issue(first);
    const second = token();
    expect(await tokens.rotate(first.id, second, now)).toBe(true);
    // a concurrent or replayed rotation of the same token issues nothing
    const third = token();
    expect(await tokens.rotate(first.id, third, now)).toBe(false);
    expect(await tokens.findById(third.id)).toBeNull();
    expect(await tokens.findById(first.id)).toMatchObject({ replacedBy: second.id });
    expect((await tokens.findById(first.id))?.revokedAt).not.toBeNull();
    expect(await tokens.revokeAllOf(u!.id, now)).toBe(1);
    expect((await tokens.findById(second.id))?.revokedAt).not.toBeNull();
  });
});
