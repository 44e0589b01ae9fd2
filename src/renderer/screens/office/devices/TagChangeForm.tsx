import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PupilDevices, TagLine } from '../../../../shared/contract/devices';
import { call } from '../../../bridge';
import { fullName, type DevicesActions } from './devicesActions';
import { SubmitForm } from '../../../components/SubmitForm';

/** Withdraw a tag, or move it to another device of the group; both need a reason. */
export function TagChangeForm({
  tag,
  kind,
  fromDeviceId,
  classmates,
  actions,
  onDone,
}: {
  tag: TagLine;
  kind: 'revoke' | 'move';
  fromDeviceId: string;
  classmates: PupilDevices[];
  actions: DevicesActions;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const targets = classmates.flatMap((p) =>
    p.devices
      .filter((d) => d.deviceId !== fromDeviceId)
      .map((d) => ({ deviceId: d.deviceId, label: `${fullName(p)} — ${t(`devices.kinds.${d.kind}`)}${d.description ? `: ${d.description}` : ''}` })),
  );
  const [to, setTo] = useState(targets[0]?.deviceId ?? '');
  const title = t(kind === 'revoke' ? 'devices.office.revokeTitle' : 'devices.office.moveTitle', { code: tag.canonical });
  const submit = async () => {
    const ok = await actions.run(async () => {
      if (kind === 'revoke') {
        await call('revokeDeviceTag', { tagId: tag.tagId, reason });
        return t('devices.office.revoked', { code: tag.canonical });
      }
      await call('moveTag', { tagId: tag.tagId, toDeviceId: to, reason });
      return t('devices.office.moved', { code: tag.canonical });
    });
    if (ok) onDone();
  };
  return (
    <SubmitForm className="devices-form" aria-label={title} onSubmit={submit}>
      <h4>{title}</h4>
      {kind === 'move' && (
        <label>
          {t('devices.office.moveTo')}
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            {targets.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('devices.office.reason')}
        <input
          value={reason}
          required
          maxLength={200}
          placeholder={t(kind === 'revoke' ? 'devices.office.revokeReasonHint' : 'devices.office.moveReasonHint')}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="devices-form-buttons">
        <button type="submit" className="primary" disabled={!reason.trim() || (kind === 'move' && !to)}>
          {t(kind === 'revoke' ? 'devices.office.revoke' : 'devices.office.move')}
        </button>
        <button type="button" onClick={onDone}>
          {t('devices.office.cancel')}
        </button>
      </div>
    </SubmitForm>
  );
}
