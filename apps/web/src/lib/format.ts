import dayjs from 'dayjs';
import type { Lang } from '../i18n/messages';

/** An instant as local date and time (the browser's zone: Asia/Shanghai for the staff). */
export const fmt = (s: string | null | undefined): string =>
  s ? dayjs(s).format('YYYY-MM-DD HH:mm') : '—';

/** Integer fen as ¥ with two decimals (the wire carries fen, people read yuan). */
export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined
    ? '—'
    : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Working time (ms) as working hours and minutes: "3 小时 20 分" / "3 h 20 min". */
export const workingSpan = (ms: number, lang: Lang): string => {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return lang === 'zh-CN' ? `${h} 小时 ${m} 分` : `${h} h ${m} min`;
};

export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
