import type { Schemas } from '../../api/client';
import { label } from '../../i18n/messages';
import { fmt, yuan } from '../../lib/format';
import { useApp } from '../../session';
import '../case/print.css';

type Doc = Schemas['Document'];
export interface PenaltyLine {
  ref: string;
  complaintNumber: string;
  personId: string;
  kind: string;
  amountFen: number;
  responsibleUnit: string;
  cause: string | null;
}

/**
 * The 人事公布单 or the 奖罚通知单 on paper (001 §28): its number, the reviewed month, every
 * penalty line with the complaint it came from, the total, distribution and signatures.
 */
export function ReviewDocumentSheet({ doc }: { doc: Doc }) {
  const { t, lang } = useApp();
  const lines = (doc.content.lines ?? []) as PenaltyLine[];
  return (
    <div className="print-sheet" data-testid="print-sheet">
      <h2 style={{ textAlign: 'center' }}>{label(lang, doc.docType)}</h2>
      <p>
        {t('docNumber')}: {doc.docNumber} · {t('reviewMonth')}: {String(doc.content.month ?? '')} ·{' '}
        {t('caseNumber')}: {String(doc.content.reviewCaseNumber ?? '')} · {t('status')}:{' '}
        {label(lang, doc.status)}
      </p>
      <p style={{ fontSize: 12 }}>{String(doc.content.basis ?? '')}</p>
      <table>
        <thead>
          <tr>
            <th>{t('caseNumber')}</th>
            <th>{t('person')}</th>
            <th>{t('penalty')}</th>
            <th>{t('amount')}</th>
            <th>{t('responsibleUnit')}</th>
            <th>{t('cause')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.ref}>
              <td>{l.complaintNumber}</td>
              <td>{l.personId}</td>
              <td>{label(lang, l.kind)}</td>
              <td>{l.amountFen ? yuan(l.amountFen) : '—'}</td>
              <td>{l.responsibleUnit}</td>
              <td>{l.cause ? label(lang, l.cause) : '—'}</td>
            </tr>
          ))}
          {typeof doc.content.totalFen === 'number' && (
            <tr>
              <th colSpan={3}>{t('total')}</th>
              <td colSpan={3}>{yuan(doc.content.totalFen)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <h3>{t('distribution')}</h3>
      <p>{doc.distribution.map((d) => `${label(lang, d.department)} ×${d.copy}`).join(' · ')}</p>
      <h3>{t('signatures')}</h3>
      <table>
        <tbody>
          {doc.signatures.map((s, i) => (
            <tr key={i}>
              <td>{s.by}</td>
              <td>{label(lang, s.role)}</td>
              <td>{fmt(s.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
