import { call, login, loginAll, type ActorName, type Session } from './support/http';
import { startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * F18 004 八.(一)3 新入职的回访人员必须经过专门的培训,经考核合格后方可上岗: a CS person the admin
 * just created may not take a follow-up call (claim, record or be handed one) until the admin
 * grants `follow_up_caller`. api + worker + Temporal dev server + PostgreSQL, all real.
 */
const TASK_QUEUE = `e2e-follow-up-callers-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let as: Record<ActorName, Session>;

beforeAll(async () => {
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  as = await loginAll(api.url);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

const { taskFor } = taskClient(() => api.url);
const refusal = (res: { status: number; body: { code?: string } }) => ({
  status: res.status,
  code: res.body.code,
});

describe('follow-up callers are trained first (F18)', () => {
  test('F18 004 八.(一)3: a new CS caller without follow_up_caller cannot claim, record or be handed a follow-up call (403 CALLER_NOT_QUALIFIED); once the admin grants it, they claim and record it', async () => {
    const password = 'new-caller-password-1';
    const created = await call(api.url, 'POST', '/admin/users', as.admin, {
      username: `cs-new-${process.pid}`,
      displayName: '新回访员',
      password,
      department: 'cs',
      roles: ['staff'],
    });
    expect(created.status).toBe(201);
    expect(created.body.qualifications).toEqual([]);
    const newbie = await login(api.url, created.body.username, undefined, password);
    // the demo's CS staff are trained callers
    expect(as.cs.user.qualifications).toEqual(['follow_up_caller']);

    const opened = await call(api.url, 'POST', '/follow-ups', as.cs, {
      plan: 'new_customer',
      planRef: `F18-${process.pid}`,
      customer: { name: '钱七', phone: '13500135000' },
    });
    expect(opened.status).toBe(201);
    const hf = opened.body.caseNumber as string;
    const task = await taskFor(as.cs, hf, 'RecordCall');
    const record = {
      command: {
        type: 'RecordCall',
        identityConfirmed: true,
        purposeStated: true,
        closingSaid: true,
        answers: { usage: '正常使用', needs: '暂无' },
      },
    };

    const claim = await call(api.url, 'POST', `/tasks/${task.taskId}/claim`, newbie);
    expect(refusal(claim)).toEqual({ status: 403, code: 'CALLER_NOT_QUALIFIED' });
    const done = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, newbie, record);
    expect(refusal(done)).toEqual({ status: 403, code: 'CALLER_NOT_QUALIFIED' });
    const delegates = await call(api.url, 'GET', `/tasks/${task.taskId}/delegates`, as.csManager);
    expect(delegates.status).toBe(200);
    const ids = (delegates.body.items as Array<{ id: string }>).map((d) => d.id);
    expect(ids).not.toContain(newbie.user.id);
    expect(ids).toContain(as.cs2.user.id);
    const handed = await call(api.url, 'POST', `/tasks/${task.taskId}/delegate`, as.csManager, {
      to: { userId: newbie.user.id },
    });
    expect(refusal(handed)).toEqual({ status: 403, code: 'CALLER_NOT_QUALIFIED' });

    // a qualification that does not exist is bad input naming the field
    const bad = await call(api.url, 'PATCH', `/admin/users/${newbie.user.id}`, as.admin, {
      qualifications: ['pilot'],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.qualifications');
    // only an admin grants it
    const self = await call(api.url, 'PATCH', `/admin/users/${newbie.user.id}`, newbie, {
      qualifications: ['follow_up_caller'],
    });
    expect(self.status).toBe(403);

    const granted = await call(api.url, 'PATCH', `/admin/users/${newbie.user.id}`, as.admin, {
      qualifications: ['follow_up_caller'],
    });
    expect(granted.status).toBe(200);
    expect(granted.body.qualifications).toEqual(['follow_up_caller']);
    const claimed = await call(api.url, 'POST', `/tasks/${task.taskId}/claim`, newbie);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'claimed', assignee: newbie.user.id });
    const recorded = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, newbie, record);
    expect(recorded.status).toBe(200);
  });

  test('F18 004 八.(一)3: an absent trained caller’s follow-up call is not handed to an untrained delegate (the rule book refuses it: CALLER_NOT_QUALIFIED, audited); the call stays with the caller', async () => {
    const password = 'absence-caller-password-1';
    const user = async (username: string, qualifications: string[]) => {
      const res = await call(api.url, 'POST', '/admin/users', as.admin, {
        username,
        displayName: username,
        password,
        department: 'cs',
        roles: ['staff'],
      });
      expect(res.status).toBe(201);
      if (qualifications.length > 0) {
        const granted = await call(api.url, 'PATCH', `/admin/users/${res.body.id}`, as.admin, {
          qualifications,
        });
        expect(granted.status).toBe(200);
      }
      return login(api.url, username, undefined, password);
    };
    const caller = await user(`cs-caller-${process.pid}`, ['follow_up_caller']);
    const untrained = await user(`cs-untrained-${process.pid}`, []);
    const opened = await call(api.url, 'POST', '/follow-ups', as.cs, {
      plan: 'new_customer',
      planRef: `F18-absence-${process.pid}`,
      customer: { name: '孙八', phone: '13500135001' },
    });
    expect(opened.status).toBe(201);
    const task = await taskFor(caller, opened.body.caseNumber as string, 'RecordCall');
    const claimed = await call(api.url, 'POST', `/tasks/${task.taskId}/claim`, caller);
    expect(claimed.status).toBe(200);

    const away = await call(api.url, 'POST', '/users/me/absences', caller, {
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
      delegateUserId: untrained.user.id,
      reason: '培训',
    });
    expect(away.status).toBe(201);
    expect(away.body).toMatchObject({ state: 'active', handedOver: [], handedOverAt: null });
    const mine = await call(
      api.url,
      'GET',
      `/inbox?scope=mine&caseNumber=${opened.body.caseNumber as string}`,
      caller,
    );
    expect(
      (mine.body.items as Array<{ taskId: string; assignee: string }>).find(
        (t) => t.taskId === task.taskId,
      ),
    ).toMatchObject({ assignee: caller.user.id });
    const cancelled = await call(
      api.url,
      'POST',
      `/users/me/absences/${away.body.id}/cancel`,
      caller,
    );
    expect(cancelled.status).toBe(200);
  });
});
