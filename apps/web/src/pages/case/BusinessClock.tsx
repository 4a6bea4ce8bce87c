import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { fmt, workingSpan } from '../../lib/format';
import { useApp } from '../../session';

/** A deadline with the working time left (or overdue, in red) on the case's business calendar. */
export function BusinessClock({
  clock,
  dueAt,
  testId,
}: {
  clock: Schemas['BusinessTimeLeft'] | undefined;
  dueAt?: string | null;
  testId?: string;
}) {
  const { t, lang } = useApp();
  const due = clock?.dueAt ?? dueAt ?? null;
  if (!due) return <Typography.Text type="secondary">{t('noDue')}</Typography.Text>;
  if (!clock) return <span>{fmt(due)}</span>;
  const late = clock.remainingWorkingMs < 0;
  return (
    <Space size={4} data-testid={testId} data-overdue={late}>
      <span>{fmt(due)}</span>
      <Typography.Text type={late ? 'danger' : undefined}>
        {late ? t('overdueBusiness') : t('remainingBusiness')}{' '}
        {workingSpan(clock.remainingWorkingMs, lang)}
      </Typography.Text>
      {clock.provisional && <Tag>{t('provisional')}</Tag>}
      {/* no holiday table for a year the span reaches (weekends only counted there) */}
      {!clock.calendarCovered && (
        <Tooltip title={clock.calendarWarning}>
          <Tag color="orange" data-testid="calendar-uncovered">
            {t('calendarUncovered')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
