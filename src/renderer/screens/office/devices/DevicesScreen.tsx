import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../../../shared/contract';
import type { PupilDevices } from '../../../../shared/contract/devices';
import { call } from '../../../bridge';
import { errorText } from '../../../errors';
import { useKioskScans } from '../../teacher/useKioskScans';
import { PupilCard } from './PupilCard';
import type { DevicesActions } from './devicesActions';
import { useOfficeAction } from '../../../components/useOfficeAction';
import './devices.css';
import { GroupSelect } from '../../../components/GroupSelect';

/**
 * "Apparaten en stickers": a group's pupils in class-list order, each with their devices and
 * tags. The office registers a device, attaches a sticker by scanning it (the kiosk's scanner,
 * wherever the focus is) or issues a new code, and withdraws or moves a tag with a reason.
 */
export function DevicesScreen() {
  const { t, i18n } = useTranslation();
  const [groups, setGroups] = useState<string[]>([]);
  const [groep, setGroep] = useState<string | null>(null);
  const [pupils, setPupils] = useState<PupilDevices[]>([]);
  const [armed, setArmed] = useState<string | null>(null);
  const [nfc, setNfc] = useState(false);

  const show = useCallback((result: MethodResult<'listGroupDevices'>, g: string | null) => {
    setGroups(result.groups);
    setGroep(g ?? result.groups[0] ?? null);
    setPupils(result.pupils);
  }, []);
  const load = useCallback(
    async (g: string | null) => show(await call('listGroupDevices', g === null ? {} : { groep: g }), g),
    [show],
  );
  const reload = useCallback(() => load(groep), [load, groep]);
  const { message, setMessage, act: run } = useOfficeAction(reload);
  useEffect(() => {
    call('listGroupDevices', {}).then(
      (result) => show(result, null),
      (error: unknown) => setMessage({ kind: 'error', text: errorText(error, i18n.language) }),
    );
  }, [show, setMessage, i18n.language]);

  const attachScanned = (code: string) => {
    const deviceId = armed;
    if (!deviceId) return;
    setArmed(null);
    void run(async () => {
      const tag = await call('attachTag', { deviceId, source: { kind: 'scan', code, tagKind: nfc ? 'nfc' : 'device_sticker' } });
      return t('devices.office.attached', { code: tag.canonical });
    });
  };
  useKioskScans(attachScanned);

  const arm = (deviceId: string | null) => {
    setArmed(deviceId);
    setNfc(false);
  };
  const actions: DevicesActions = { run, armed, arm, nfc, setNfc };
  return (
    <section className="panel devices-screen" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('devices.office.title')}</h2>
      <p className="devices-intro">{t('devices.office.intro')}</p>
      {groups.length === 0 ? (
        <p className="notice">{t('devices.office.noGroups')}</p>
      ) : (
        <label className="devices-group">
          {t('devices.office.group')}
          <GroupSelect
            groups={groups}
            value={groep ?? ''}
            onChange={(g) => {
              arm(null);
              setMessage(null);
              void load(g);
            }}
          />
        </label>
      )}
      {message && (
        <p role={message.kind === 'ok' ? 'status' : 'alert'} className={message.kind === 'ok' ? 'devices-ok' : 'devices-problem'}>
          {message.text}
        </p>
      )}
      <ol className="devices-pupils" aria-label={t('devices.office.title')}>
        {pupils.map((p) => (
          <li key={p.pupilId}>
            <PupilCard pupil={p} classmates={pupils} actions={actions} />
          </li>
        ))}
      </ol>
    </section>
  );
}
