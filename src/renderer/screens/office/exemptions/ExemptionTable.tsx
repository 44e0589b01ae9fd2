import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExemptionItem } from '../../../../shared/contract';

interface ExemptionTableProps {
  items: ExemptionItem[];
  empty: string;
  busy: boolean;
  /** Present for the list of current exemptions: each can be ended early, after a confirmation. */
  onEnd?: (item: ExemptionItem) => void;
  testId: string;
}

export function ExemptionTable({ items, empty, busy, onEnd, testId }: ExemptionTableProps) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState<string | null>(null);
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="exemptions-table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('exemptions.columns.pupil')}</th>
            <th scope="col">{t('exemptions.columns.device')}</th>
            <th scope="col">{t('exemptions.columns.reason')}</th>
            <th scope="col">{t('exemptions.columns.period')}</th>
            <th scope="col">{t('exemptions.columns.agreedBy')}</th>
            <th scope="col">{t('exemptions.columns.status')}</th>
            {onEnd && <th scope="col">{t('exemptions.columns.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.exemptionId} data-exemption={e.exemptionId}>
              <th scope="row">
                {e.pupilName} <span className="muted">({e.groep})</span>
              </th>
              <td>{e.device ? `${e.device.description || t(`door.kinds.${e.device.kind}`)}` : t('exemptions.anyDevice')}</td>
              <td>{t(`exemptions.reasons.${e.reason}`)}</td>
              <td className="num">{t('exemptions.period', { from: e.validFrom, until: e.validUntil })}</td>
              <td>{e.agreedByName}</td>
              <td>
                <span className={`exemption-status is-${e.status}`}>{t(`exemptions.status.${e.status}`)}</span>
              </td>
              {onEnd && (
                <td>
                  {ending === e.exemptionId ? (
                    <div className="confirm-box" role="alertdialog" aria-label={t('exemptions.end')}>
                      <p>{t('exemptions.endConfirm', { name: e.pupilName })}</p>
                      <div className="choice-row">
                        <button
                          type="button"
                          className="primary"
                          disabled={busy}
                          onClick={() => {
                            setEnding(null);
                            onEnd(e);
                          }}
                        >
                          {t('exemptions.endYes')}
                        </button>
                        <button type="button" onClick={() => setEnding(null)}>
                          {t('exemptions.cancel')}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => setEnding(e.exemptionId)}>
                      {t('exemptions.end')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
