import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';
import { matchesSearch, pupilFullName, type DeviceChoice } from './deviceChoices';
import { useDeviceState } from './DeviceSummary';
import { useDeviceChoices } from './useDeviceChoices';

export interface DevicePickerProps {
  /** Which devices this workflow can act on (e.g. only confiscated ones for a release). */
  filter?: (choice: DeviceChoice) => boolean;
  onPick(deviceId: string): void;
  /** Shown when no device passes the filter at all. */
  emptyText: string;
}

/** When a workflow is opened without a device: find it by the pupil's name or the description. */
export function DevicePicker({ filter, onPick, emptyText }: DevicePickerProps) {
  const { t, i18n } = useTranslation();
  const { choices, error } = useDeviceChoices();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const stateOf = useDeviceState();
  const eligible = useMemo(() => (choices ?? []).filter((c) => !filter || filter(c)), [choices, filter]);
  const shown = eligible.filter((c) => matchesSearch(c, query));

  if (error) return <p role="alert" className="wf-error">{errorText(error, i18n.language)}</p>;
  if (!choices) return <p aria-busy="true">{t('workflows.common.loading')}</p>;
  if (eligible.length === 0) return <p className="wf-empty">{emptyText}</p>;
  return (
    <div className="wf-picker">
      <label htmlFor={searchId} className="wf-label">
        {t('workflows.picker.search')}
      </label>
      <input
        id={searchId}
        className="wf-input"
        type="search"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="wf-picker-list" aria-label={t('workflows.picker.label')}>
        {shown.map((c) => (
          <li key={c.deviceId}>
            <button type="button" className="wf-picker-item" onClick={() => onPick(c.deviceId)}>
              <span className="wf-picker-name">
                {c.pupil ? `${pupilFullName(c.pupil)} (${c.pupil.groep})` : t('workflows.device.noOwner')}
              </span>
              <span>{c.description}</span>
              <span className="wf-muted">{stateOf(c)}</span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="wf-empty">{t('workflows.picker.noMatch')}</p>}
    </div>
  );
}
