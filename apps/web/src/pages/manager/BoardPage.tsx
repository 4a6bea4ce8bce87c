import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, ok, type TaskView } from '../../api/client';
import { errorMessage, label } from '../../i18n/messages';
import { useApp } from '../../session';
import { Due } from '../due';
import { COMPANY_LEADS, DEPARTMENTS, EscalationTag } from './shared';
import { useBoard } from './useBoard';

interface Load {
  key: string;
  assignee: string | null;
  name: string;
  open: number;
  overdue: number;
}

/**
 * Managers: my department's board — open and claimed tasks by assignee with their overdue
 * counts, and bulk reassignment (each selected task delegated to one person, who must fit it:
 * the API says which could not be handed on and why).
 */
export function BoardPage() {
  const { t, lang, user } = useApp();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const company = !!user?.roles.some((r) => COMPANY_LEADS.includes(r));
  const [department, setDepartment] = useState<string>();
  const board = useBoard(department);
  const [selected, setSelected] = useState<string[]>([]);
  const [target, setTarget] = useState<string>();
  const [busy, setBusy] = useState(false);
  const items = board.data?.items ?? [];
  const people = board.data?.people ?? [];
  const nameOf = (id: string | null) =>
    id === null ? t('unassigned') : (people.find((p) => p.id === id)?.displayName ?? id);
  const loads = new Map<string, Load>();
  for (const x of items) {
    const key = x.assignee ?? '—';
    const l = loads.get(key) ?? {
      key,
      assignee: x.assignee,
      name: nameOf(x.assignee),
      open: 0,
      overdue: 0,
    };
    l.open += 1;
    if (x.overdue) l.overdue += 1;
    loads.set(key, l);
  }
  const reassign = async () => {
    if (!target || selected.length === 0) return;
    setBusy(true);
    const failures: string[] = [];
    for (const taskId of selected) {
      try {
        ok(
          await api.POST('/tasks/{taskId}/delegate', {
            params: { path: { taskId } },
            body: { to: { userId: target } },
          }),
        );
      } catch (e) {
        failures.push(
          `${taskId}: ${e instanceof ApiError ? errorMessage(lang, e.body.code, e.message) : String(e)}`,
        );
      }
    }
    setBusy(false);
    setSelected([]);
    void qc.invalidateQueries({ queryKey: ['board'] });
    void qc.invalidateQueries({ queryKey: ['inbox'] });
    const done = selected.length - failures.length;
    if (done) void message.success(`${t('reassigned')}: ${done}`);
    if (failures.length)
      modal.error({
        title: t('error'),
        content: (
          <div data-testid="reassign-errors">
            {failures.map((f) => (
              <div key={f}>{f}</div>
            ))}
          </div>
        ),
      });
  };
  if (board.error)
    return (
      <Card title={t('board')}>
        <Tag color="red">
          {board.error instanceof ApiError
            ? errorMessage(lang, board.error.body.code, board.error.message)
            : t('error')}
        </Tag>
      </Card>
    );
  return (
    <Card
      data-testid="board-page"
      title={`${t('board')} · ${board.data ? label(lang, board.data.department) : ''}`}
      extra={
        company && (
          <Select
            aria-label={t('department')}
            style={{ width: 140 }}
            value={department ?? board.data?.department}
            onChange={(d) => {
              setDepartment(d);
              setSelected([]);
            }}
            options={DEPARTMENTS.map((d) => ({ value: d, label: label(lang, d) }))}
          />
        )
      }
    >
      <Table<Load>
        data-testid="board-loads"
        rowKey="key"
        size="small"
        pagination={false}
        loading={board.isLoading}
        dataSource={[...loads.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open)}
        style={{ marginBottom: 16 }}
        onRow={(l) => ({ 'data-assignee': l.assignee ?? '' }) as object}
        columns={[
          { title: t('assignee'), dataIndex: 'name' },
          { title: t('openCount'), dataIndex: 'open' },
          {
            title: t('overdueCount'),
            dataIndex: 'overdue',
            render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
          },
        ]}
      />
      <Space style={{ marginBottom: 12 }} data-write="true">
        <span>
          {t('selected')}: {selected.length}
        </span>
        <Select
          aria-label={t('reassignTo')}
          data-testid="reassign-to"
          placeholder={t('reassignTo')}
          style={{ width: 220 }}
          value={target}
          onChange={setTarget}
          showSearch
          optionFilterProp="label"
          options={people.map((p) => ({
            value: p.id,
            label: `${p.displayName} (${p.username}) · ${p.roles.map((r) => label(lang, r)).join('/')}`,
          }))}
        />
        <Button
          type="primary"
          data-testid="reassign"
          loading={busy}
          disabled={!target || selected.length === 0}
          onClick={() => void reassign()}
        >
          {t('reassign')}
        </Button>
      </Space>
      <Table<TaskView>
        data-testid="board-tasks"
        rowKey="taskId"
        size="small"
        loading={board.isLoading}
        dataSource={items}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (k) => setSelected(k as string[]),
          // axe: every row checkbox needs an accessible name (the task it selects).
          getCheckboxProps: (x) => ({ 'aria-label': `${x.caseNumber} ${x.taskId}` }) as object,
        }}
        onRow={(x) => ({ 'data-task-id': x.taskId, 'data-case-number': x.caseNumber }) as object}
        columns={[
          {
            title: t('caseNumber'),
            dataIndex: 'caseNumber',
            render: (n: string) => <Link to={`/cases/${n}`}>{n}</Link>,
          },
          {
            title: t('task'),
            render: (_: unknown, x: TaskView) => (
              <Space>
                {label(lang, x.commands[0] ?? x.type)}
                <EscalationTag level={x.escalationLevel} />
              </Space>
            ),
          },
          { title: t('status'), dataIndex: 'status', render: (s: string) => label(lang, s) },
          { title: t('assignee'), dataIndex: 'assignee', render: nameOf },
          {
            title: t('due'),
            render: (_: unknown, x: TaskView) => <Due dueAt={x.dueAt} overdue={x.overdue} />,
          },
        ]}
      />
    </Card>
  );
}
