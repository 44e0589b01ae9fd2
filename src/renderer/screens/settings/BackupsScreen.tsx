import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../../shared/contract';
import { call } from '../../bridge';
import { errorText } from '../../errors';
import { navigate } from '../../state/router';
import { BackupRow } from './BackupRow';
import './backups.css';

type Listing = MethodResult<'listBackups'>;

/**
 * The admin's backups: this database's own, each checked as a restore would check it; one made
 * now; a copy to a folder the office chose (typed: a USB stick or a network share), checked there;
 * and a restore after an explicit yes.
 */
export function BackupsScreen() {
  const { t, i18n } = useTranslation();
  const [listing, setListing] = useState<Listing | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const fail = useCallback((e: unknown) => setStatus({ ok: false, text: errorText(e, i18n.language) }), [i18n.language]);

  const load = useCallback(() => {
    call('listBackups', {}).then(setListing, fail);
  }, [fail]);
  useEffect(load, [load]);

  const makeNow = () => {
    setBusy(true);
    setStatus(null);
    call('makeBackupNow', {})
      .then(() => {
        setStatus({ ok: true, text: t('privacy.backups.made') });
        load();
      }, fail)
      .finally(() => setBusy(false));
  };

  return (
    <section className="settings backups" aria-labelledby="backups-title">
      <h1 id="backups-title">{t('privacy.backups.title')}</h1>
      <p className="field-hint">{t('privacy.backups.intro')}</p>
      {listing && <p className="field-hint backups-folder">{t('privacy.backups.folder', { folder: listing.folder })}</p>}
      <div className="backups-top">
        <button type="button" className="primary" disabled={busy} onClick={makeNow}>
          {t('privacy.backups.makeNow')}
        </button>
        <button type="button" onClick={() => navigate('settings')}>
          {t('privacy.backups.back')}
        </button>
      </div>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'status-ok' : 'status-error'}>
          {status.text}
        </p>
      )}
      {listing && listing.backups.length === 0 && <p className="notice">{t('privacy.backups.none')}</p>}
      {listing && listing.backups.length > 0 && (
        <table className="backups-table">
          <thead>
            <tr>
              <th scope="col">{t('privacy.backups.when')}</th>
              <th scope="col">{t('privacy.backups.size')}</th>
              <th scope="col">{t('privacy.backups.status')}</th>
              <th scope="col" aria-label={t('privacy.backups.copy')} />
            </tr>
          </thead>
          <tbody>
            {listing.backups.map((b) => (
              <BackupRow key={b.name} backup={b} onStatus={setStatus} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
