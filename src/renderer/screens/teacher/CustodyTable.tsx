import { useTranslation } from 'react-i18next';
import type { ConditionNote, CustodyListItem } from '../../../shared/contract';
import { ActionMenu } from '../../components/ActionMenu';
import { navigate } from '../../state/router';
import { custodianLabel, deviceLabel, formatTime, markLabel, pupilName, type Directory } from './teacherFormat';

type RowActionKey = 'return' | 'release' | 'transfer' | 'confiscate' | 'condition' | 'incident';

/**
 * Per device: return by hand (or, when confiscated, release to a parent), move, and the sanction
 * screens. Each opens its screen; none records anything by itself.
 */
function actionsFor(item: CustodyListItem): { key: RowActionKey; screen: string }[] {
  const confiscated = item.confiscatedSeq !== null;
  return [
    confiscated ? { key: 'release', screen: 'release' } : { key: 'return', screen: 'manual' },
    { key: 'transfer', screen: 'transfer' },
    ...(confiscated ? [] : [{ key: 'confiscate', screen: 'confiscate' } as const]),
    { key: 'condition', screen: 'condition' },
    { key: 'incident', screen: 'incident' },
  ];
}

/** One line per device, with one action menu: a class of 30 fits on a screen. */
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
  return (
    <table className="custody-table">
      <thead>
        <tr>
          <th scope="col">{t('teacher.dashboard.columns.pupil')}</th>
          <th scope="col">{t('teacher.dashboard.columns.device')}</th>
          <th scope="col">{t('teacher.dashboard.columns.place')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('teacher.dashboard.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const name = pupilName(item.pupil, t);
          const device = deviceLabel(item.deviceKind, item.description, t);
          const notes = conditions
            .filter((c) => c.deviceId === item.deviceId)
            .map((n) => [...n.marks.map((m) => markLabel(m, t)), n.note].filter(Boolean).join(', '));
          const confiscated = item.confiscatedSeq !== null;
          const place = [
            formatTime(item.since, i18n.language),
            item.pouchNumber !== null ? t('teacher.ledger.pouch', { number: item.pouchNumber }) : null,
            custodianLabel(item.custodian, dir, t),
          ].filter(Boolean);
          return (
            <tr key={item.deviceId} className={confiscated ? 'row-confiscated' : undefined} data-device={item.deviceId}>
              <th scope="row">
                <span className="cell-line">
                  {name}
                  {item.pupil && <span className="sub-inline"> · {item.pupil.groep}</span>}
                </span>
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
                <span className="cell-line" title={[device, ...notes].join(' · ')}>
                  {device}
                  {notes.map((n) => (
                    <span key={n} className="condition">
                      {' '}
                      <span aria-hidden="true">◆ </span>
                      {n}
                    </span>
                  ))}
                </span>
              </td>
              <td>
                <span className="cell-line">{place.join(' · ')}</span>
              </td>
              <td className="actions-cell">
                <ActionMenu
                  label={t('teacher.dashboard.actionsButton')}
                  title={t('teacher.dashboard.actionsFor', { device, name })}
                  actions={actionsFor(item).map((a) => ({
                    key: a.key,
                    label: t(`teacher.dashboard.actions.${a.key}`),
                    onSelect: () => navigate('teacher', a.screen, { device: item.deviceId }),
                  }))}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
