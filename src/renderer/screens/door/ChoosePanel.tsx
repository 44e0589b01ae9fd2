import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice, DeviceChoice } from './board';
import { DeviceIcon } from './icons';

/** A pupil card with several devices: one big button per device. Scans keep working meanwhile. */
export function ChoosePanel({ choice, onChoose, onCancel }: { choice: Choice; onChoose(d: DeviceChoice): void; onCancel(): void }) {
  const { t } = useTranslation();
  const sheet = useRef<HTMLDivElement>(null);
  // Focus moves into the dialog for a screen reader, not onto one button (that would look chosen).
  useEffect(() => sheet.current?.focus(), [choice.id]);
  const title = t(choice.mode === 'return' ? 'door.choose.return' : 'door.choose.handIn');
  return (
    <div className="door-overlay" role="dialog" aria-modal="false" aria-labelledby="door-choose-title" data-testid="door-choose">
      <div className="door-sheet" ref={sheet} tabIndex={-1}>
        <h2 id="door-choose-title">{title}</h2>
        <div className="door-choices">
          {choice.devices.map((device) => (
            <button
              key={device.deviceId}
              type="button"
              className="door-choice"
              onClick={() => onChoose(device)}
            >
              <DeviceIcon kind={device.kind} size={88} />
              <span className="door-choice-description">{device.description}</span>
              <span className="door-choice-kind">{t(`door.kinds.${device.kind}`)}</span>
            </button>
          ))}
        </div>
        <button type="button" className="door-cancel" onClick={onCancel}>
          {t('door.choose.cancel')}
        </button>
      </div>
    </div>
  );
}
