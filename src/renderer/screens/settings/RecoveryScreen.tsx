import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Health } from '../../../shared/contract';
import { call } from '../../bridge';
import { errorText } from '../../errors';

/**
 * After a failed start-up check: what is wrong, which backup can be put back, and the button that
 * does it. The damaged database is kept beside the restored one (the core never deletes it).
 */
export function RecoveryScreen() {
  const { t, i18n } = useTranslation();
  const [health, setHealth] = useState<Health | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('getHealth', {}).then(setHealth);
  }, []);
  if (!health) return null;
  if (health.writable) {
    return (
      <section className="panel">
        <h1>{t('settings.recovery.title')}</h1>
        <p className="notice">{t('settings.recovery.healthy')}</p>
      </section>
    );
  }
  const when = health.backup ? new Date(health.backup.takenAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL') : '';
  return (
    <section className="panel recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('settings.recovery.title')}</h1>
      <p className="notice" role="alert">
        {t('settings.recovery.problem')}
      </p>
      {health.backup ? (
        <>
          <p>{t('settings.recovery.offer', { when, seq: health.backup.lastSeq })}</p>
          <p className="field-hint">{t('settings.recovery.kept')}</p>
          <button
            type="button"
            className="primary"
            disabled={busy || status?.ok === true}
            onClick={() => {
              setBusy(true);
              call('restoreNewestBackup', {})
                .then((r) => {
                  setStatus({ ok: true, text: t('settings.recovery.done', { seq: r.lastSeq }) });
                  // Electron restarts the app on the restored database; a browser preview reloads.
                  window.setTimeout(() => window.location.assign('#/door'), 1500);
                  window.setTimeout(() => window.location.reload(), 1600);
                })
                .catch((error: unknown) => setStatus({ ok: false, text: errorText(error, i18n.language) }))
                .finally(() => setBusy(false));
            }}
          >
            {t('settings.recovery.restore')}
          </button>
        </>
      ) : (
        <p className="notice">{t('settings.recovery.noBackup')}</p>
      )}
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'status-ok' : 'status-error'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
