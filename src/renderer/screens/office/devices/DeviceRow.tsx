import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceLine, PupilDevices, TagLine } from '../../../../shared/contract/devices';
import { call } from '../../../bridge';
import type { DevicesActions } from './devicesActions';
import { TagChangeForm } from './TagChangeForm';
import { SubmitForm } from '../../../components/SubmitForm';

/** One device: its tags, and what the office can do with them. */
export function DeviceRow({
  device,
  owner,
  classmates,
  actions,
}: {
  device: DeviceLine;
  owner: string;
  classmates: PupilDevices[];
  actions: DevicesActions;
}) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState<{ tag: TagLine; kind: 'revoke' | 'move' } | null>(null);
  const armed = actions.armed === device.deviceId;
  const label = `${t(`devices.kinds.${device.kind}`)}${device.description ? `: ${device.description}` : ''}`;
  const newCode = () =>
    void actions.run(async () => {
      const tag = await call('attachTag', { deviceId: device.deviceId, source: { kind: 'newCode' } });
      return t('devices.office.attached', { code: tag.canonical });
    });
  return (
    <div className="devices-device" role="group" aria-label={`${owner} — ${label}`}>
      <p className="devices-device-name">{label}</p>
      <ul className="devices-tags">
        {device.tags.length === 0 && <li className="devices-muted">{t('devices.office.noTag')}</li>}
        {device.tags.map((tag) => (
          <li key={tag.tagId} className={`devices-tag is-${tag.status}`} data-code={tag.canonical}>
            <span className="devices-tag-code">{tag.canonical}</span>
            <span className="devices-muted">
              {t(`devices.office.tagKinds.${tag.kind}`)} · {t(`devices.office.status.${tag.status}`)}
            </span>
            {tag.status === 'active' && (
              <span className="devices-tag-actions">
                <button type="button" onClick={() => setChanging({ tag, kind: 'revoke' })}>
                  {t('devices.office.revoke')}
                </button>
                <button type="button" onClick={() => setChanging({ tag, kind: 'move' })}>
                  {t('devices.office.move')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="devices-device-actions">
        <button type="button" aria-pressed={armed} onClick={() => actions.arm(armed ? null : device.deviceId)}>
          {t('devices.office.scanSticker')}
        </button>
        <button type="button" onClick={newCode}>
          {t('devices.office.newCode')}
        </button>
      </div>
      {armed && <TypedCode deviceId={device.deviceId} actions={actions} />}
      {changing && (
        <TagChangeForm
          tag={changing.tag}
          kind={changing.kind}
          fromDeviceId={device.deviceId}
          classmates={classmates}
          actions={actions}
          onDone={() => setChanging(null)}
        />
      )}
    </div>
  );
}

/** While armed, a scan anywhere attaches (as an NFC tag when ticked); a code can also be typed (a damaged barcode's digits). */
function TypedCode({ deviceId, actions }: { deviceId: string; actions: DevicesActions }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { nfc, setNfc } = actions;
  const submit = () => {
    if (!code.trim()) return;
    actions.arm(null);
    void actions.run(async () => {
      const tag = await call('attachTag', { deviceId, source: { kind: 'scan', code, tagKind: nfc ? 'nfc' : 'device_sticker' } });
      return t('devices.office.attached', { code: tag.canonical });
    });
  };
  return (
    <SubmitForm className="devices-form devices-scan" onSubmit={submit} aria-label={t('devices.office.scanSticker')}>
      <p role="status" className="devices-scan-now">
        {t('devices.office.scanNow')}
      </p>
      <label>
        {t('devices.office.code')}
        <input value={code} maxLength={256} autoComplete="off" onChange={(e) => setCode(e.target.value)} />
      </label>
      <label className="devices-check">
        <input type="checkbox" checked={nfc} onChange={(e) => setNfc(e.target.checked)} />
        {t('devices.office.nfc')}
      </label>
      <div className="devices-form-buttons">
        <button type="submit" className="primary">
          {t('devices.office.attach')}
        </button>
        <button type="button" onClick={() => actions.arm(null)}>
          {t('devices.office.cancel')}
        </button>
      </div>
    </SubmitForm>
  );
}
