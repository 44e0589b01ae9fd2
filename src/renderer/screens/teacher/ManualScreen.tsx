import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustodyListItem } from '../../../shared/contract';
import { useSettings } from '../../state/SettingsContext';
import { call } from '../../bridge';
import { useWorkflowSubmit } from '../../components/useWorkflowSubmit';
import type { TeacherScreenProps } from './screen';
import { deviceLabel, formatTime, pupilName } from './teacherFormat';
import { useLoad } from './useTeacherData';
import './teacher.css';
import { PageMessage, type Message } from '../../components/PageMessage';

/**
 * A missed scan fixed by hand: group → pupil (big grid) → their device → hand in or return.
 * With `?device=<id>` (from the dashboard) it opens straight at that device.
 */
export function ManualScreen({ params }: TeacherScreenProps) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const [groep, setGroep] = useState<string | null>(null);
  // undefined: not chosen yet (the route's device may choose); null: chosen to pick another.
  const [pupilId, setPupilId] = useState<string | null | undefined>(undefined);
  const { busy, problem, run } = useWorkflowSubmit();
  const [done, setDone] = useState<Message | null>(null);
  const deviceParam = params.get('device');

  const { data, reload } = useLoad(async () => {
    const [{ pupils }, { devices }, { items }] = await Promise.all([
      call('listPupils', {}),
      call('listDevices', {}),
      call('listCustody', { heldOnly: true }),
    ]);
    return { pupils, devices, held: new Map<string, CustodyListItem>(items.map((i) => [i.deviceId, i])) };
  });

  // Opened for one device: start at its owner.
  const preselected = useMemo(() => {
    const device = deviceParam ? data?.devices.find((d) => d.deviceId === deviceParam) : undefined;
    return device ? data?.pupils.find((p) => p.pupilId === device.ownerPupilId) : undefined;
  }, [data, deviceParam]);
  const activePupilId = pupilId === undefined ? (preselected?.pupilId ?? null) : pupilId;
  const activeGroep = groep ?? preselected?.groep ?? null;

  const groups = useMemo(() => {
    if (settings.groups.length > 0) return settings.groups;
    return [...new Set((data?.pupils ?? []).map((p) => p.groep))].filter(Boolean).sort();
  }, [settings.groups, data]);
  const pupil = data?.pupils.find((p) => p.pupilId === activePupilId) ?? null;

  const act = (deviceId: string, action: 'handIn' | 'returnDevice') => {
    setDone(null);
    const name = pupilName(pupil, t);
    void run(async () => {
      const out = await call(action, { deviceId });
      const device = deviceLabel(out.device.kind, out.device.description, t);
      setDone({
        kind: 'ok',
        text:
          action === 'returnDevice'
            ? t('teacher.manual.returned', { device, name })
            : out.pouch
              ? t('teacher.manual.handedInPouch', { device, name, number: out.pouch.number })
              : t('teacher.manual.handedIn', { device, name }),
      });
      // Back to the class: "Teruggeven" would otherwise appear exactly where "Inleveren" was
      // tapped, and a double tap would hand the phone straight back.
      if (pupil) {
        setPupilId(null);
        setGroep(pupil.groep);
      }
      reload();
    });
  };

  return (
    <section className="teacher-page" aria-labelledby="manual-title">
      <header className="page-head">
        <h1 id="manual-title">{t('teacher.manual.title')}</h1>
        <p className="muted">{t('teacher.manual.intro')}</p>
      </header>
      <PageMessage message={problem !== null ? { kind: 'error', text: problem } : done} />
      {!pupil && (
        <>
          <h2>{t('teacher.manual.chooseGroup')}</h2>
          {groups.length === 0 && data && <p className="muted">{t('teacher.manual.noGroups')}</p>}
          <div className="choice-row" role="group" aria-label={t('teacher.manual.chooseGroup')}>
            {groups.map((g) => (
              <button key={g} type="button" aria-pressed={g === activeGroep} onClick={() => setGroep(g)}>
                {t('teacher.manual.group', { groep: g })}
              </button>
            ))}
          </div>
        </>
      )}
      {!pupil && activeGroep && data && (
        <>
          <h2>{t('teacher.manual.choosePupil')}</h2>
          <div className="pupil-grid">
            {data.pupils
              .filter((p) => p.groep === activeGroep)
              .map((p) => {
                const held = data.devices.some((d) => d.ownerPupilId === p.pupilId && data.held.has(d.deviceId));
                return (
                  <button
                    key={p.pupilId}
                    type="button"
                    className="pupil-tile"
                    aria-label={held ? `${pupilName(p, t)}, ${t('teacher.manual.held')}` : pupilName(p, t)}
                    onClick={() => setPupilId(p.pupilId)}
                  >
                    <span className="pupil-first">{p.roepnaam}</span>
                    <span className="sub">{[p.voorvoegsel, p.achternaam].filter(Boolean).join(' ')}</span>
                    {held && (
                      <span className="flag flag-held">
                        <span aria-hidden="true">● </span>
                        {t('teacher.manual.held')}
                      </span>
                    )}
                  </button>
                );
              })}
          </div>
          {data.pupils.every((p) => p.groep !== activeGroep) && <p className="muted">{t('teacher.manual.noPupils')}</p>}
        </>
      )}
      {pupil && data && (
        <>
          <div className="choice-row">
            <button
              type="button"
              onClick={() => {
                setPupilId(null);
                setGroep(pupil.groep);
              }}
            >
              ← {t('teacher.manual.backToPupils')}
            </button>
          </div>
          <h2>{t('teacher.manual.chooseDevice', { name: pupilName(pupil, t) })}</h2>
          {data.devices.every((d) => d.ownerPupilId !== pupil.pupilId) && <p className="muted">{t('teacher.manual.noDevices')}</p>}
          <ul className="device-list">
            {data.devices
              .filter((d) => d.ownerPupilId === pupil.pupilId)
              .map((d) => {
                const held = data.held.get(d.deviceId);
                const confiscated = held?.confiscatedSeq != null;
                return (
                  <li key={d.deviceId} className={d.deviceId === deviceParam ? 'device-card chosen' : 'device-card'}>
                    <span className="device-name">{deviceLabel(d.kind, d.description, t)}</span>
                    <span className="sub">
                      {held ? t('teacher.manual.heldSince', { time: formatTime(held.since, i18n.language) }) : t('teacher.manual.notHeld')}
                    </span>
                    {confiscated && <span className="flag flag-danger">{t('teacher.manual.confiscatedNote')}</span>}
                    {!held && (
                      <button type="button" className="big primary" disabled={busy} onClick={() => act(d.deviceId, 'handIn')}>
                        {t('teacher.manual.handIn')}
                      </button>
                    )}
                    {held && !confiscated && (
                      <button type="button" className="big primary" disabled={busy} onClick={() => act(d.deviceId, 'returnDevice')}>
                        {t('teacher.manual.return')}
                      </button>
                    )}
                  </li>
                );
              })}
          </ul>
        </>
      )}
    </section>
  );
}
