import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Slider, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ok, type Schemas } from '../../api/client';
import { label } from '../../i18n/messages';
import { fmt } from '../../lib/format';
import { useApp } from '../../session';
import { useActorName } from './queries';

type AsOfTask = Schemas['CaseAsOf']['tasks'][number];

/**
 * The case as of any moment of its history: a slider over the audit trail's events (one stop
 * per event); the state at the chosen event comes from GET /cases/:n/as-of, which folds the
 * trail's domain events with the case type's evolve on the server.
 */
export function AsOfPanel({
  caseNumber,
  events,
}: {
  caseNumber: string;
  events: Schemas['AuditEvent'][];
}) {
  const { t, lang } = useApp();
  const who = useActorName(caseNumber);
  const [index, setIndex] = useState<number>();
  useEffect(() => {
    if (index === undefined && events.length) setIndex(events.length - 1);
  }, [events.length, index]);
  const at = index === undefined ? undefined : events[index]?.occurredAt;
  const asOf = useQuery({
    queryKey: ['case', caseNumber, 'as-of', at],
    queryFn: async () =>
      ok(
        await api.GET('/cases/{caseNumber}/as-of', {
          params: { path: { caseNumber }, query: { at: at! } },
        }),
      ),
    enabled: at !== undefined,
  });
  if (!events.length) return null;
  const s = asOf.data;
  return (
    <Card size="small" title={t('asOf')} style={{ marginBottom: 16 }} data-testid="as-of">
      <Typography.Paragraph type="secondary">{t('asOfHint')}</Typography.Paragraph>
      <Slider
        ariaLabelForHandle={t('asOf')}
        data-testid="as-of-slider"
        min={0}
        max={events.length - 1}
        value={index ?? events.length - 1}
        onChange={setIndex}
        tooltip={{
          formatter: (i) =>
            i === undefined ? '' : `#${events[i]?.seq} ${fmt(events[i]?.occurredAt)}`,
        }}
      />
      {s && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('time')}>
              <span data-testid="as-of-at">{fmt(s.at)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <span data-testid="as-of-status">{s.status ? label(lang, s.status) : '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('eventsUpTo')}>
              <span data-testid="as-of-count">
                {s.eventCount} / {s.totalEvents}
              </span>
              {s.lastEvent && ` · #${s.lastEvent.seq} ${label(lang, s.lastEvent.action)}`}
            </Descriptions.Item>
          </Descriptions>
          {s.foldError && (
            <Alert
              type="warning"
              message={`${t('foldError')}: #${s.foldError.seq} ${s.foldError.message}`}
            />
          )}
          <Table<AsOfTask>
            rowKey="taskId"
            size="small"
            pagination={false}
            dataSource={s.tasks}
            columns={[
              { title: t('task'), dataIndex: 'taskId' },
              {
                title: t('stage'),
                dataIndex: 'stage',
                render: (x: string | null) => (x ? label(lang, x) : '—'),
              },
              { title: t('status'), dataIndex: 'status', render: (x: string) => label(lang, x) },
              {
                title: t('assignee'),
                dataIndex: 'assignee',
                render: (x: string | null) => who(x),
              },
              { title: t('time'), dataIndex: 'since', render: fmt },
            ]}
          />
        </>
      )}
    </Card>
  );
}
