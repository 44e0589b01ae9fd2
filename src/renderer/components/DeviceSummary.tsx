import { useTranslation } from 'react-i18next';
import { pupilFullName, type DeviceChoice } from './deviceChoices';

/** Where the device is now, in words (never by colour alone). */
export function useDeviceState(): (choice: DeviceChoice) => string {
  const { t } = useTranslation();
  return (c) => {
    if (!c.held) return t('workflows.device.notHeld');
    const where = c.pouchNumber !== null ? t('workflows.device.pouch', { number: c.pouchNumber }) : (c.locationName ?? '');
    const state = c.reportedMissing
      ? t(`workflows.device.missing.${c.reportedMissing}`)
      : c.confiscatedSeq !== null
        ? t('workflows.device.confiscated')
        : t('workflows.device.held');
    return where ? `${state} · ${where}` : state;
  };
}

/** The device a workflow is about, at the top of its screen. */
export function DeviceSummary({ choice }: { choice: DeviceChoice }) {
  const { t } = useTranslation();
  const stateOf = useDeviceState();
  return (
    <div className="wf-device" data-testid="wf-device">
      <div className="wf-device-pupil">
        {choice.pupil ? (
          <>
            <strong>{pupilFullName(choice.pupil)}</strong>{' '}
            <span className="wf-muted">{t('workflows.device.group', { groep: choice.pupil.groep })}</span>
          </>
        ) : (
          <strong>{t('workflows.device.noOwner')}</strong>
        )}
      </div>
      <div>
        {t(`workflows.kinds.${choice.kind}`)}: {choice.description}
      </div>
      <div className={choice.confiscatedSeq !== null ? 'wf-state wf-state-confiscated' : 'wf-state'}>{stateOf(choice)}</div>
    </div>
  );
}
