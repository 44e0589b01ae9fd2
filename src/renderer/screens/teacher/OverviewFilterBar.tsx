import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustodyListItem, MissingToday } from '../../../shared/contract';
import { useSettings } from '../../state/SettingsContext';
import { groupsOf, type OverviewFilter } from './overviewFilter';

/** Search by name or device, and one group or all: the groups the kiosk serves and those on the screen. */
export function OverviewFilterBar({
  filter,
  onChange,
  items,
  missing,
}: {
  filter: OverviewFilter;
  onChange(filter: OverviewFilter): void;
  items: CustodyListItem[];
  missing: MissingToday;
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const searchId = useId();
  const groupId = useId();
  const groups = groupsOf(
    settings.groups,
    items.map((i) => i.pupil?.groep),
    missing.pupils.map((p) => p.groep),
  );
  return (
    <div className="filter-bar" role="search">
      <label htmlFor={searchId} className="visually-hidden">
        {t('teacher.dashboard.search')}
      </label>
      <input
        id={searchId}
        type="search"
        value={filter.query}
        placeholder={t('teacher.dashboard.searchPlaceholder')}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
      />
      <label htmlFor={groupId}>{t('teacher.dashboard.group')}</label>
      <select
        id={groupId}
        value={filter.groep ?? ''}
        onChange={(e) => onChange({ ...filter, groep: e.target.value === '' ? null : e.target.value })}
      >
        <option value="">{t('teacher.dashboard.allGroups')}</option>
        {groups.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </select>
    </div>
  );
}
