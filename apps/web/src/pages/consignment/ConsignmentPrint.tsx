import type { Schemas } from '../../api/client';
import { label } from '../../i18n/messages';
import { fmt, yuan } from '../../lib/format';
import { useApp } from '../../session';
import '../case/print.css';
import './print-labels.css';
import type { ListItem } from './consignment-data';

type Doc = Schemas['Document'];

/** The 委托代销清单 on paper: number, consignor, every item with its code, copies, signatures. */
export function ListSheet({
  doc,
  items,
  who,
}: {
  doc: Doc;
  items: ListItem[];
  who: (id: string | null | undefined) => string;
}) {
  const { t, lang } = useApp();
  const consignor = doc.content.consignor as { name: string; phone: string | null } | undefined;
  const total = items.reduce((n, i) => n + i.quantity * i.priceFen, 0);
  return (
    <div className="print-sheet" data-testid="print-sheet">
      <h2 style={{ textAlign: 'center' }}>{label(lang, 'consignment_list')}</h2>
      <p>
        {t('docNumber')}: {doc.docNumber} · {t('consignor')}: {consignor?.name ?? '—'}{' '}
        {consignor?.phone ?? ''} · {t('customerKind')}:{' '}
        {label(lang, String(doc.content.customerKind ?? ''))} · {t('status')}:{' '}
        {label(lang, doc.status)}
      </p>
      <table>
        <thead>
          <tr>
            <th>{t('itemCode')}</th>
            <th>{t('item')}</th>
            <th>{t('quantity')}</th>
            <th>{t('unitPrice')}</th>
            <th>{t('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.code}>
              <td>{i.code}</td>
              <td>{i.item}</td>
              <td>{i.quantity}</td>
              <td>{yuan(i.priceFen)}</td>
              <td>{yuan(i.quantity * i.priceFen)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={4}>{t('total')}</th>
            <td>{yuan(total)}</td>
          </tr>
        </tbody>
      </table>
      <h3>{t('distribution')}</h3>
      <p>{doc.distribution.map((d) => `${label(lang, d.department)} ×${d.copy}`).join(' · ')}</p>
      <h3>{t('signatures')}</h3>
      <table>
        <tbody>
          {doc.signatures.map((s, i) => (
            <tr key={i}>
              <td>{who(s.by)}</td>
              <td>{label(lang, s.role)}</td>
              <td>{fmt(s.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One label per consigned unit (K02), each with its code, the item and the list's number. */
export function LabelSheet({
  labels,
  listNumber,
}: {
  labels: Array<{ code: string; item: string; copies: number }>;
  listNumber: string;
}) {
  const { t } = useApp();
  return (
    <div className="print-sheet" data-testid="label-sheet">
      <h2 className="no-print">{t('labelsFor')}</h2>
      <div className="label-grid">
        {labels.flatMap((l) =>
          Array.from({ length: l.copies }, (_, n) => (
            <div className="item-label" key={`${l.code}-${n}`} data-testid="item-label">
              <div className="code">{l.code}</div>
              <div>{l.item}</div>
              <div style={{ fontSize: 10 }}>
                {listNumber} · {n + 1}/{l.copies}
              </div>
            </div>
          )),
        )}
      </div>
    </div>
  );
}
