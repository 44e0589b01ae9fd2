import { useTranslation } from 'react-i18next';
import type { Health } from '../../shared/contract';
import { navigate } from '../state/router';
import { useSyncProblemText } from '../components/syncProblem';

/** A failed check: a backup brings back a ledger that verifies. A disk problem: a backup would not help. */
const restoreHelps = new Set(['DB_CORRUPT', 'DB_READ_ONLY', 'REGISTRY_MISMATCH']);
/** The central copy itself failed the kiosk's checks when it tried to take events back: not the kiosk's fault. */
const centralBad = new Set(['central_event_altered', 'central_chain_broken', 'central_checkpoint_mismatch']);

/**
 * What is wrong with the kiosk, at the top of the screen: why nothing is stored (everywhere, the
 * door too), and on the teacher and settings screens a failed backup or daily check, until the
 * next one succeeds; a sync the board's central database refused (until a sync succeeds), and,
 * quieter, a day and more without reaching it while events wait.
 */
export function HealthBanners({ health, staffArea }: { health: Health; staffArea: boolean }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  const { backupFailed, checkFailed, syncRefused, syncOffline, syncTakenBack } = health.alerts;
  const problemText = useSyncProblemText();
  return (
    <>
      {!health.writable && (
        <div className="banner banner-danger" role="alert" data-problem={health.problem ?? undefined}>
          <span>
            {health.problem === 'DISK_FULL'
              ? t('health.diskFull')
              : health.problem === 'DISK_READ_ONLY'
                ? t('health.diskReadOnly')
                : t('health.readOnly')}
          </span>
          {health.problem !== null && restoreHelps.has(health.problem) && (
            <button type="button" onClick={() => navigate('settings', 'recover')}>
              {t('health.recover')}
            </button>
          )}
        </div>
      )}
      {staffArea && checkFailed && (
        <div className="banner banner-danger" role="alert" data-alert="check">
          {t('health.checkFailed', { when: when(checkFailed.at) })}
        </div>
      )}
      {staffArea && syncRefused && (
        <div className="banner banner-danger" role="alert" data-alert="sync">
          {syncRefused.outcome === 'diverged' && syncRefused.problem === 'central_ahead'
            ? t('health.syncBehind', { when: when(syncRefused.at) })
            : syncRefused.problem === 'forked_after_restore'
            ? t('health.syncForked', { when: when(syncRefused.at), seq: syncRefused.seq ?? '?' })
            : syncRefused.problem !== null && centralBad.has(syncRefused.problem)
            ? t('health.syncCentralBad', { when: when(syncRefused.at), problem: problemText(syncRefused.problem) })
            : syncRefused.outcome === 'diverged'
            ? t('health.syncDiverged', { when: when(syncRefused.at) })
            : t('health.syncRefused', { when: when(syncRefused.at), problem: problemText(syncRefused.problem) })}
        </div>
      )}
      {staffArea && syncTakenBack && !syncRefused && (
        <div className="banner banner-info" role="status" data-alert="sync-taken-back">
          {t('health.syncTakenBack', { when: when(syncTakenBack.at), count: syncTakenBack.count })}
        </div>
      )}
      {staffArea && syncOffline && (
        <div className="banner banner-info" role="status" data-alert="sync-offline">
          {t('health.syncOffline', { since: when(syncOffline.since), count: syncOffline.waiting })}
        </div>
      )}
      {staffArea && backupFailed && (
        <div className="banner banner-warning" role="alert" data-alert="backup">
          {t('health.backupFailed', { when: when(backupFailed.at) })}
        </div>
      )}
    </>
  );
}
