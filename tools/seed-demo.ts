import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { createDataSource } from '../libs/persistence/src/data-source';
import { UsersRepository } from '../libs/persistence/src/repositories/users.repository';

/**
 * The demo organisation: one user per department × role of DOMAIN.md, all with the same demo
 * password. Idempotent: an existing username is left as it is (an admin may have changed it),
 * so running it on every `npm start` is safe. Used by tools/run-local.ts and the e2e setup.
 */
export interface DemoUser {
  username: string;
  displayName: string;
  department: string;
  roles: string[];
  approvalLimitFen: number | null;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'sales-01',
    displayName: '销售 王芳',
    department: 'sales',
    roles: ['staff'],
    approvalLimitFen: null,
  },
  {
    username: 'sales-sup-01',
    displayName: '销售主管 李强',
    department: 'sales',
    roles: ['supervisor'],
    approvalLimitFen: null,
  },
  {
    username: 'svp-01',
    displayName: '销售副总 赵敏',
    department: 'sales',
    roles: ['sales_vp'],
    approvalLimitFen: null,
  },
  // Issue 12 #6: every role a process asks for. The sales manager decides petitions (001 §25.8)
  // and, like each department's manager, receives its overdue escalations (policy ladder).
  {
    username: 'sales-mgr-01',
    displayName: '销售经理 钱进',
    department: 'sales',
    roles: ['manager'],
    approvalLimitFen: null,
  },
  // The store head / CS supervisor reviews follow-up records (004 三.(四), F04): the follow-up's
  // review task is CS's, for a supervisor or manager (FOLLOW_UP_REVIEWER_ROLES).
  {
    username: 'cs-sup-01',
    displayName: '客服主管(店长) 蒋丽',
    department: 'cs',
    roles: ['supervisor'],
    approvalLimitFen: null,
  },
  {
    username: 'gmo-01',
    displayName: '总经办 审核 韩梅',
    department: 'gm_office',
    roles: ['staff'],
    approvalLimitFen: null,
  },
  {
    username: 'wh-mgr-01',
    displayName: '仓储经理 曹磊',
    department: 'warehouse',
    roles: ['manager'],
    approvalLimitFen: null,
  },
  {
    username: 'fin-mgr-01',
    displayName: '财务经理 邓敏',
    department: 'finance',
    roles: ['manager'],
    approvalLimitFen: null,
  },
  {
    username: 'hr-01',
    displayName: '人事 彭涛',
    department: 'hr',
    roles: ['staff'],
    approvalLimitFen: null,
  },
  // The monthly review (001 §28): HR's late announcement or deduction escalates to its manager.
  {
    username: 'hr-mgr-01',
    displayName: '人力资源经理 唐宁',
    department: 'hr',
    roles: ['manager'],
    approvalLimitFen: null,
  },
  {
    username: 'cs-01',
    displayName: '客服 陈静',
    department: 'cs',
    roles: ['staff'],
    approvalLimitFen: null,
  },
  {
    username: 'cs-02',
    displayName: '客服 周洋',
    department: 'cs',
    roles: ['staff'],
    approvalLimitFen: null,
  },
  {
    username: 'cs-mgr-01',
    displayName: '客服经理 孙丽',
    department: 'cs',
    roles: ['manager'],
    approvalLimitFen: null,
  },
  // An acting manager whose personal limit (¥500) is stricter than the role's (DOMAIN.md "Approvals").
  {
    username: 'cs-mgr-02',
    displayName: '代理客服经理 吴刚',
    department: 'cs',
    roles: ['manager'],
    approvalLimitFen: 50_000,
  },
  {
    username: 'rnd-01',
    displayName: '研发 郑伟',
    department: 'rnd',
    roles: ['staff'],
    approvalLimitFen: null,
  },
  {
    username: 'rnd-mgr-01',
    displayName: '研发经理 冯涛',
    department: 'rnd',
    roles: ['manager'],
    approvalLimitFen: null,
  },
  {
    username: 'fin-01',
    displayName: '财务 何琳',
    department: 'finance',
    roles: ['staff'],
    approvalLimitFen: null,
  },
  {
    username: 'wh-01',
    displayName: '仓储 许军',
    department: 'warehouse',
    roles: ['staff'],
    approvalLimitFen: null,
  },
  {
    username: 'tech-01',
    displayName: '技术员 马超',
    department: 'tech',
    roles: ['staff'],
    approvalLimitFen: null,
  },
  {
    username: 'tech-02',
    displayName: '技术员 罗斌',
    department: 'tech',
    roles: ['staff'],
    approvalLimitFen: null,
  },
  {
    username: 'tech-mgr-01',
    displayName: '技术部经理 邓涛',
    department: 'tech',
    roles: ['manager'],
    approvalLimitFen: null,
  },
  {
    username: 'vp-01',
    displayName: '分管副总 刘洋',
    department: 'gm_office',
    roles: ['vp'],
    approvalLimitFen: null,
  },
  {
    username: 'gm-01',
    displayName: '总经理 黄海',
    department: 'gm_office',
    roles: ['gm'],
    approvalLimitFen: null,
  },
  {
    username: 'auditor-01',
    displayName: '审计 林雪',
    department: 'gm_office',
    roles: ['auditor'],
    approvalLimitFen: null,
  },
  {
    username: 'admin-01',
    displayName: '系统管理员 高远',
    department: 'hr',
    roles: ['admin'],
    approvalLimitFen: null,
  },
];

export const DEFAULT_DEMO_PASSWORD = 'aso-demo-password';

export interface SeedResult {
  organisationId: string;
  password: string;
  created: string[];
  users: readonly DemoUser[];
}

export async function seedDemo(
  databaseUrl: string,
  options: { organisationId?: string; password?: string } = {},
): Promise<SeedResult> {
  const organisationId = options.organisationId ?? 'demo';
  const password = options.password ?? DEFAULT_DEMO_PASSWORD;
  const ds = await createDataSource(databaseUrl, { poolSize: 2 }).initialize();
  try {
    const users = new UsersRepository(ds);
    const created: string[] = [];
    await ds.query(`INSERT INTO organisations (id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING`, [
      organisationId,
    ]);
    for (const u of DEMO_USERS) {
      if (await users.findByUsername(organisationId, u.username)) continue;
      const row = await users.create({
        id: randomUUID(),
        organisationId,
        username: u.username,
        displayName: u.displayName,
        passwordHash: await hash(password),
        department: u.department,
        roles: u.roles,
        approvalLimitFen: u.approvalLimitFen,
        // F18 004 八.(一)3: the demo's CS people are trained callers; a user an admin creates
        // starts without the qualification until it is granted.
        qualifications: u.department === 'cs' ? ['follow_up_caller'] : [],
      });
      if (row) created.push(u.username);
    }
    return { organisationId, password, created, users: DEMO_USERS };
  } finally {
    await ds.destroy();
  }
}

/** The table `npm start` prints: who to log in as. */
export function formatDemoUsers(result: SeedResult): string {
  const rows = result.users.map(
    (u) =>
      `  ${u.username.padEnd(14)}${u.department.padEnd(11)}${u.roles.join(',').padEnd(12)}${
        u.approvalLimitFen === null ? '' : `personal limit ¥${u.approvalLimitFen / 100}`
      }`,
  );
  return [
    `Demo organisation "${result.organisationId}" (password for every user: ${result.password})` +
      (result.created.length ? `, created ${result.created.length} user(s)` : ''),
    `  ${'username'.padEnd(14)}${'department'.padEnd(11)}${'roles'.padEnd(12)}`,
    ...rows,
    `  POST /auth/login {"organisation":"${result.organisationId}","username":"cs-01","password":"…"}`,
  ].join('\n');
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is not set\n');
    process.exit(1);
  }
  seedDemo(url, {
    organisationId: process.env.ASO_ORGANISATION_ID,
    password: process.env.ASO_DEMO_PASSWORD,
  })
    .then((r) => process.stdout.write(`${formatDemoUsers(r)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exit(1);
    });
}
