import { useTranslation } from 'react-i18next';
import type { BoardKiosk } from '../../../../shared/contract/board';
import { useProblemWords } from './useProblemWords';

const MARK = { ok: '✓', diverged: '✕', not_verified: '?' } as const;

/**
 * One row per kiosk: when it last reached the board (and, once a kiosk was put back on an older
 * backup, when it took its missing events back), what it last signed, and whether that was
 * checked. The verification state is a word and a mark, not a colour alone.
 */
export function KioskHealthTable({ kiosks, when }: { kiosks: BoardKiosk[]; when: (iso: string) => string }) {
  const { t } = useTranslation();
  const problem = useProblemWords();
  if (kiosks.length === 0) return <p>{t('board.health.none')}</p>;
  return (
    <table className="board-health">
      <thead>
        <tr>
          <th scope="col">{t('board.school')}</th>
          <th scope="col">{t('board.kiosk')}</th>
          <th scope="col">{t('board.health.lastSync')}</th>
          <th scope="col">{t('board.health.lastCheckpoint')}</th>
          <th scope="col">{t('board.health.events')}</th>
          <th scope="col">{t('board.health.verification')}</th>
        </tr>
      </thead>
      <tbody>
        {kiosks.map((k) => (
          <tr key={k.kioskId} data-verification={k.verification}>
            <td>{k.school}</td>
            <th scope="row">{k.name || k.kioskId}</th>
            <td>
              {k.lastSyncAt ? when(k.lastSyncAt) : t('board.health.never')}
              {k.lastTakenBack && (
                <small data-testid="board-taken-back">{t('board.health.takenBack', { count: k.lastTakenBack.events, when: when(k.lastTakenBack.at) })}</small>
              )}
            </td>
            <td>
              {k.lastCheckpointSize === null || k.lastCheckpointSignedAt === null
                ? t('board.health.noCheckpoint')
                : t('board.health.checkpoint', { size: k.lastCheckpointSize, when: when(k.lastCheckpointSignedAt) })}
            </td>
            <td className="number">{k.headSeq}</td>
            <td>
              <strong className={`verification verification-${k.verification}`}>
                <span aria-hidden="true">{MARK[k.verification]} </span>
                {t(`board.health.states.${k.verification}`)}
              </strong>
              <small>
                {t(`board.health.stateHelp.${k.verification}`, {
                  problem: k.lastFinding ? problem(k.lastFinding.problem) : '',
                  seq: k.lastFinding?.seq ?? '—',
                })}
              </small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
