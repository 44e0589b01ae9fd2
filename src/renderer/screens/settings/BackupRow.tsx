import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupItem } from '../../../shared/contract';
import { call } from '../../bridge';
import { errorText } from '../../errors';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** One backup: when, how big, whether it checks out; copy it to a typed folder, or restore it after a yes. */
export function BackupRow({ backup, onStatus }: { backup: BackupItem; onStatus: (s: { ok: boolean; text: string }) => void }) {
  const { t, i18n } = useTranslation();
  const [folder, setFolder] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const when = new Date(backup.takenAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  const fail = (e: unknown) => onStatus({ ok: false, text: errorText(e, i18n.language) });

  const copy = () => {
    setBusy(true);
    call('copyBackup', { name: backup.name, folder })
      .then((r) => onStatus({ ok: true, text: t('privacy.backups.copied', { path: r.path }) }), fail)
      .finally(() => setBusy(false));
  };
  const restore = () => {
    setBusy(true);
    call('restoreBackup', { name: backup.name, confirm: true })
      .then(() => {
        onStatus({ ok: true, text: t('privacy.backups.restored') });
        // Electron restarts the app on the restored database; a browser preview reloads.
        window.setTimeout(() => window.location.assign('#/door'), 1500);
        window.setTimeout(() => window.location.reload(), 1600);
      }, fail)
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };

  return (
    <tr data-backup={backup.name}>
      <td>{when}</td>
      <td>{megabytes(backup.sizeBytes)}</td>
      <td className={backup.ok ? 'status-ok' : 'status-error'}>
        {backup.ok ? `✓ ${t('privacy.backups.good')}` : `⚠ ${t('privacy.backups.bad', { problem: backup.problem ?? '?' })}`}
      </td>
      <td>
        <div className="backup-actions">
        <label className="backup-copy">
          <span className="visually-hidden">{t('privacy.backups.copyTo')}</span>
          <input type="text" placeholder={t('privacy.backups.copyPlaceholder')} aria-label={t('privacy.backups.copyTo')}
            value={folder} onChange={(e) => setFolder(e.target.value)} />
        </label>
        <button type="button" disabled={busy || folder.trim() === ''} onClick={copy}>
          {t('privacy.backups.copy')}
        </button>
        {confirming ? (
          <span className="backup-confirm" role="alertdialog" aria-label={t('privacy.backups.restore')}>
            <span>{t('privacy.backups.restoreConfirm', { when })}</span>
            <button type="button" className="danger" disabled={busy} onClick={restore}>
              {t('privacy.backups.restoreYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('privacy.office.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="danger" disabled={busy || !backup.ok} onClick={() => setConfirming(true)}>
            {t('privacy.backups.restore')}
          </button>
        )}
        </div>
      </td>
    </tr>
  );
}
