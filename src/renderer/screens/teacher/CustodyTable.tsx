import { useTranslation } from 'react-i18next';
import type { ConditionNote, CustodyListItem } from '../../../shared/contract';
import { navigate } from '../../state/router';
import { custodianLabel, deviceLabel, formatTime, markLabel, pupilName, type Directory } from './teacherFormat';

interface RowAction {
  key: 'return' | 'release' | 'transfer' | 'confiscate' | 'condition' | 'incident';
  screen: string;
}

/** Per device: return by hand (or, when confiscated, release to a parent), move, and the sanction screens. */
function actionsFor(item: CustodyListItem): RowAction[] {
  const confiscated = item.confiscatedSeq !== null;
  return [
    confiscated ? { key: 'release', screen: 'release' } : { key: 'return', screen: 'manual' },
    { key: 'transfer', screen: 'transfer' },
    ...(confiscated ? [] : [{ key: 'confiscate', screen: 'confiscate' } as const]),
    { key: 'condition', screen: 'condition' },
    { key: 'incident', screen: 'incident' },
  ];
}

export function CustodyTable({
  items,
  conditions,
  dir,
}: {
  items: CustodyListItem[];
  conditions: ConditionNote[];
  dir: Directory;
}) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('teacher.dashboard.empty')}</p>;
  return (
    <table className="custody-table">
      <thead>
        <tr>
          <th scope="col">{t('teacher.dashboard.columns.pupil')}</th>
          <th scope="col">{t('teacher.dashboard.columns.device')}</th>
          <th scope="col">{t('teacher.dashboard.columns.place')}</th>
          <th scope="col">{t('teacher.dashboard.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const name = pupilName(item.pupil, t);
          const device = deviceLabel(item.deviceKind, item.description, t);
          const notes = conditions.filter((c) => c.deviceId === item.deviceId);
          const confiscated = item.confiscatedSeq !== null;
          return (
            <tr key={item.deviceId} className={confiscated ? 'row-confiscated' : undefined} data-device={item.deviceId}>
              <th scope="row">
                {name}
                {item.pupil && <span className="sub">{item.pupil.groep}</span>}
                {confiscated && (
                  <span className="flag flag-danger">
                    <span aria-hidden="true">⚠ </span>
                    {t('teacher.dashboard.confiscated')}
                  </span>
                )}
                {item.reportedMissing && (
                  <span className="flag flag-danger" data-flag="missing">
                    <span aria-hidden="true">⚠ </span>
                    {t(`workflows.device.missing.${item.reportedMissing}`)}
                  </span>
                )}
              </th>
              <td>
                {device}
                {notes.map((n) => (
                  <span key={n.seq} className="condition">
                    <span aria-hidden="true">◆ </span>
                    {[...n.marks.map((m) => markLabel(m, t)), n.note].filter(Boolean).join(', ')}
                  </span>
                ))}
              </td>
              <td>
                {formatTime(item.since, i18n.language)}
                {item.pouchNumber !== null && ` · ${t('teacher.ledger.pouch', { number: item.pouchNumber })}`}
                <span className="sub">{custodianLabel(item.custodian, dir, t)}</span>
              </td>
              <td className="actions-cell">
                <div className="row-actions">
                  {actionsFor(item).map((a) => (
                    <button
                      key={a.key}
                      type="button"
                      className={a.key === 'return' ? 'small primary' : 'small'}
                      aria-label={t('teacher.dashboard.actionFor', {
                        action: t(`teacher.dashboard.actions.${a.key}`),
                        device,
                        name,
                      })}
                      onClick={() => navigate('teacher', a.screen, { device: item.deviceId })}
                    >
                      {t(`teacher.dashboard.actions.${a.key}`)}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
