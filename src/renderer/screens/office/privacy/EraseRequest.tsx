import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../bridge';
import { errorText } from '../../../errors';

/** Erasure on request: a reason (kept in the ledger, so no names) and a second, explicit yes. */
export function EraseRequest({ pupilId, onDone }: { pupilId: string; onDone: (text: string, ok: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const erase = async () => {
    setBusy(true);
    try {
      const result = await call('erasePupil', { pupilId, reason });
      onDone(t('privacy.office.erased', { erased: result.erased }), true);
    } catch (e) {
      onDone(errorText(e, i18n.language), false);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <fieldset className="privacy-panel">
      <legend>{t('privacy.office.eraseTitle')}</legend>
      <label className="wf-field">
        <span className="wf-label">{t('privacy.office.reason')}</span>
        <input type="text" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {confirming ? (
        <div className="privacy-confirm" role="alertdialog" aria-label={t('privacy.office.confirm')}>
          <p>{t('privacy.office.confirm')}</p>
          <div className="privacy-buttons">
            <button type="button" className="danger" disabled={busy} onClick={() => void erase()}>
              {t('privacy.office.confirmYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('privacy.office.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="danger" disabled={reason.trim() === ''} onClick={() => setConfirming(true)}>
          {t('privacy.office.erase')}
        </button>
      )}
    </fieldset>
  );
}
