import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/board';
import { call } from '../../bridge';
import { errorText } from '../../errors';
import { useSyncProblemText } from '../../components/syncProblem';
import { clockDateTime } from './dateTime';

/**
 * The kiosk's own sync to the central database: when it last ran and how, what still waits, and
 * a sync now (after fixing the network, or to see a refusal go once the IT partner has acted).
 * `changed` is the saved connection: a new one is asked about afresh.
 */
export function SyncStatusPanel({ changed }: { changed: unknown }) {
  const { t, i18n } = useTranslation();
  const problemText = useSyncProblemText();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('getSyncStatus', {}).then(setStatus, (e: unknown) => setError(errorText(e, i18n.language)));
  }, [changed, i18n.language]);

  const syncNow = async () => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await call('syncNow', {}));
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  if (!status?.configured) return null;
  const when = (iso: string) => clockDateTime(iso, i18n.language);
  const last = status.last;
  const outcome = (l: NonNullable<SyncStatus['last']>) =>
    l.outcome === 'ok' && l.takenBack > 0
      ? t('board.settings.sync.outcome.takenBack', { count: l.takenBack, sent: l.uploaded })
      : l.outcome === 'ok' && l.uploaded === 0
      ? t('board.settings.sync.outcome.upToDate')
      : l.outcome === 'ok'
      ? t('board.settings.sync.outcome.ok', { count: l.uploaded })
      : l.outcome === 'offline'
        ? t('board.settings.sync.outcome.offline')
        : t(`board.settings.sync.outcome.${l.outcome}`, { problem: problemText(l.problem) });
  const refused = last?.outcome === 'refused' || last?.outcome === 'diverged';
  return (
    <section className="sync-status" aria-labelledby="sync-title">
      <h3 id="sync-title">{t('board.settings.sync.title')}</h3>
      <p className="field-hint">{t('board.settings.sync.intro')}</p>
      <div role="status" className={refused ? 'status-error' : undefined} data-outcome={last?.outcome ?? 'never'}>
        <p>{last ? t('board.settings.sync.last', { when: when(last.at), outcome: outcome(last) }) : t('board.settings.sync.never')}</p>
        {last && last.outcome !== 'ok' && status.lastOkAt && <p>{t('board.settings.sync.lastOk', { when: when(status.lastOkAt) })}</p>}
        <p>{status.waiting === 0 ? t('board.settings.sync.waitingNone') : t('board.settings.sync.waiting', { count: status.waiting })}</p>
      </div>
      <div className="central-actions">
        <button type="button" onClick={() => void syncNow()} disabled={busy || status.running}>
          {busy || status.running ? t('board.settings.sync.running') : t('board.settings.sync.now')}
        </button>
      </div>
      {error && (
        <div role="alert" className="status-error">
          <p>⚠ {error}</p>
        </div>
      )}
    </section>
  );
}
