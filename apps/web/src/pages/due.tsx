import { Typography } from 'antd';
import dayjs from 'dayjs';
import type { MessageKey } from '../i18n/messages';
import { useApp } from '../session';

/** Due as remaining time; overdue in red. (Calendar time: for a clock without business time.) */
export function Due({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  const { t } = useApp();
  if (!dueAt) return <Typography.Text type="secondary">{t('noDue')}</Typography.Text>;
  const due = dayjs(dueAt);
  const late = overdue || due.isBefore(dayjs());
  const span = due.fromNow(true);
  return (
    <Typography.Text
      type={late ? 'danger' : undefined}
      title={due.format('YYYY-MM-DD HH:mm')}
      data-overdue={late}
    >
      {late ? `${t('overdueBy')} ${span}` : `${t('left')} ${span}`}
    </Typography.Text>
  );
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** One working day of the default calendar (09:00–18:00): how working time is shown in days. */
export const WORKDAY_MS = 9 * HOUR;

/** Working time as people say it: "1 个工作日 3 小时", "2 h 5 min". */
export function formatBusinessMs(ms: number, t: (k: MessageKey) => string): string {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / WORKDAY_MS);
  const hours = Math.floor((abs % WORKDAY_MS) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const parts: string[] = [];
  if (days) parts.push(`${days} ${t('workdays')}`);
  if (hours) parts.push(`${hours} ${t('workHours')}`);
  if (!days && (minutes || !hours)) parts.push(`${minutes} ${t('workMinutes')}`);
  return parts.join(' ');
}

/**
 * Due as remaining BUSINESS time (the API computes it on the case's policy calendar: China's
 * working days and hours), overdue in red; the due instant on hover.
 */
export function BusinessDue({
  dueAt,
  overdue,
  remainingMs,
}: {
  dueAt: string | null;
  overdue: boolean;
  remainingMs: number | null;
}) {
  const { t } = useApp();
  if (remainingMs === null) return <Due dueAt={dueAt} overdue={overdue} />;
  const late = overdue || remainingMs < 0;
  const span = formatBusinessMs(remainingMs, t);
  return (
    <Typography.Text
      type={late ? 'danger' : undefined}
      title={`${dueAt ? dayjs(dueAt).format('YYYY-MM-DD HH:mm') : ''} · ${t('businessTime')}`}
      data-overdue={late}
      data-testid="due"
    >
      {late ? `${t('overdueBy')} ${span}` : `${t('left')} ${span}`}
    </Typography.Text>
  );
}
