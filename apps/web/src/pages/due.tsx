import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useApp } from '../session';

/** Due as remaining time; overdue in red. (Calendar time: business-time remaining is not yet in the API.) */
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
