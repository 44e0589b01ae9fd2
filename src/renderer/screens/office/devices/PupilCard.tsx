import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceKind } from '../../../../shared/contract/custody';
import type { PupilDevices } from '../../../../shared/contract/devices';
import { call } from '../../../bridge';
import { DeviceRow } from './DeviceRow';
import { fullName, type DevicesActions } from './devicesActions';
import { SubmitForm } from '../../../components/SubmitForm';

/** One pupil: their devices with tags, and registering another device. */
export function PupilCard({ pupil, classmates, actions }: { pupil: PupilDevices; classmates: PupilDevices[]; actions: DevicesActions }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const name = fullName(pupil);
  const headingId = useId();
  return (
    <article className="devices-pupil" aria-labelledby={headingId}>
      <header className="devices-pupil-head">
        <h3 id={headingId}>{name}</h3>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)} aria-label={t('devices.office.registerFor', { name })}>
            {t('devices.office.register')}
          </button>
        )}
      </header>
      {pupil.devices.length === 0 && !adding && <p className="devices-muted">{t('devices.office.noDevice')}</p>}
      {pupil.devices.map((d) => (
        <DeviceRow key={d.deviceId} device={d} owner={name} classmates={classmates} actions={actions} />
      ))}
      {adding && <RegisterForm pupilId={pupil.pupilId} name={name} actions={actions} onDone={() => setAdding(false)} />}
    </article>
  );
}

function RegisterForm({ pupilId, name, actions, onDone }: { pupilId: string; name: string; actions: DevicesActions; onDone(): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof DeviceKind.options)[number]>('smartphone');
  const [description, setDescription] = useState('');
  const submit = async () => {
    const ok = await actions.run(async () => {
      await call('registerDevice', { pupilId, kind, description });
      return t('devices.office.registered');
    });
    if (ok) onDone();
  };
  return (
    <SubmitForm className="devices-form" aria-label={t('devices.office.registerFor', { name })} onSubmit={submit}>
      <label>
        {t('devices.office.kind')}
        <select value={kind} onChange={(e) => setKind(DeviceKind.parse(e.target.value))}>
          {DeviceKind.options.map((k) => (
            <option key={k} value={k}>
              {t(`devices.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('devices.office.description')}
        <input value={description} maxLength={80} placeholder={t('devices.office.descriptionHint')} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <div className="devices-form-buttons">
        <button type="submit" className="primary">
          {t('devices.office.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('devices.office.cancel')}
        </button>
      </div>
    </SubmitForm>
  );
}
