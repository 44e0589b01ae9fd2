import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';
import { navigate } from '../state/router';
import type { DeviceChoice } from './deviceChoices';
import { DevicePicker } from './DevicePicker';
import { useDeviceChoices } from './useDeviceChoices';

export interface WorkflowDeviceProps {
  /** The workflow's heading. */
  title: string;
  /** The teacher screen's route id, so picking a device lands back on the same screen. */
  screen: string;
  params: URLSearchParams;
  /** Which devices the picker offers. */
  filter?: (choice: DeviceChoice) => boolean;
  emptyText: string;
  children: (choice: DeviceChoice, reload: () => void) => ReactNode;
}

/**
 * The device a workflow is about: from the route (`?device=…`, how the dashboard links here), or
 * picked by the teacher when the screen was opened from the menu.
 */
export function WorkflowDevice({ title, screen, params, filter, emptyText, children }: WorkflowDeviceProps) {
  const deviceId = params.get('device');
  return (
    <section className="wf" aria-labelledby="wf-title">
      <h1 id="wf-title">{title}</h1>
      {deviceId ? (
        <ChosenDevice deviceId={deviceId} screen={screen}>
          {children}
        </ChosenDevice>
      ) : (
        <DevicePicker filter={filter} emptyText={emptyText} onPick={(id) => navigate('teacher', screen, { device: id })} />
      )}
    </section>
  );
}

function ChosenDevice({
  deviceId,
  screen,
  children,
}: {
  deviceId: string;
  screen: string;
  children: WorkflowDeviceProps['children'];
}) {
  const { t, i18n } = useTranslation();
  const { choices, error, reload } = useDeviceChoices();
  if (error) return <p role="alert" className="wf-error">{errorText(error, i18n.language)}</p>;
  if (!choices) return <p aria-busy="true">{t('workflows.common.loading')}</p>;
  const choice = choices.find((c) => c.deviceId === deviceId);
  if (!choice) {
    return (
      <div className="wf-stack">
        <p role="alert" className="wf-error">{t('workflows.device.unknown')}</p>
        <button type="button" onClick={() => navigate('teacher', screen)}>
          {t('workflows.common.otherDevice')}
        </button>
      </div>
    );
  }
  return <>{children(choice, reload)}</>;
}
