import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationItem } from '../../../shared/contract';
import { useFormDirty } from '../../state/FormDirty';
import { navigate } from '../../state/router';
import { call } from '../../bridge';
import { useWorkflowSubmit } from '../../components/useWorkflowSubmit';
import type { TeacherScreenProps } from './screen';
import { custodianLabel, deviceLabel, formatTime, pupilName } from './teacherFormat';
import { useDirectory, useLoad } from './useTeacherData';
import './teacher.css';

type Target = { staffId: string } | { locationId: string };

// The places a teacher moves a device to most, first.
const placeOrder: LocationItem['kind'][] = ['office_safe', 'school_leader', 'locker', 'phone_bag', 'other'];

/** Moves custody of one held device to a colleague or a storage place (`?device=<id>`). */
export function TransferScreen({ params, staff: me }: TeacherScreenProps) {
  const { t, i18n } = useTranslation();
  const dir = useDirectory();
  const deviceId = params.get('device');
  const back = params.get('back') === 'end-of-day' ? 'end-of-day' : 'overview';
  const [target, setTarget] = useState<Target | null>(null);
  const [note, setNote] = useState('');
  const { busy, problem, run } = useWorkflowSubmit();
  const [done, setDone] = useState<string | null>(null);
  useFormDirty(done === null && (target !== null || note.trim() !== ''));

  const { data, reload } = useLoad(() => call('listCustody', { heldOnly: true }).then((r) => r.items));
  const item = data?.find((i) => i.deviceId === deviceId) ?? null;
  const same = (a: Target | null, b: Target) => JSON.stringify(a) === JSON.stringify(b);
  // Colleagues only: moving a device to oneself is what a hand-in or a note is for.
  const staff = [...dir.staff.values()].filter((s) => item?.custodian !== `staff:${s.staffId}` && s.staffId !== me.staffId);
  const places = [...dir.locations.values()]
    .filter((l) => item?.custodian !== `location:${l.locationId}`)
    .sort((a, b) => placeOrder.indexOf(a.kind) - placeOrder.indexOf(b.kind) || a.name.localeCompare(b.name));

  const submit = () => {
    if (!item || !target) return;
    void run(async () => {
      const out = await call('transfer', { deviceId: item.deviceId, to: target, ...(note.trim() ? { note: note.trim() } : {}) });
      setDone(
        t('teacher.transfer.done', {
          device: deviceLabel(out.device.kind, out.device.description, t),
          name: pupilName(item.pupil, t),
          to: custodianLabel(out.event.custodian, dir, t),
        }),
      );
      setTarget(null);
      setNote('');
      reload();
    });
  };

  return (
    <section className="teacher-page" aria-labelledby="transfer-title">
      <header className="page-head">
        <h1 id="transfer-title">{t('teacher.transfer.title')}</h1>
        <p className="muted">{t('teacher.transfer.intro')}</p>
      </header>
      {done && (
        <p className="message message-ok" role="status">
          <span aria-hidden="true">✔ </span>
          {done}
        </p>
      )}
      {problem !== null && (
        <p className="message message-error" role="alert">
          {problem}
        </p>
      )}
      {!item && data && !done && (
        <>
          <h2>{t('teacher.transfer.chooseDevice')}</h2>
          {data.length === 0 && <p className="muted">{t('teacher.transfer.noDevice')}</p>}
          <div className="pupil-grid">
            {data.map((i) => (
              <button key={i.deviceId} type="button" className="pupil-tile" onClick={() => navigate('teacher', 'transfer', { device: i.deviceId })}>
                <span className="pupil-first">{pupilName(i.pupil, t)}</span>
                <span className="sub">{deviceLabel(i.deviceKind, i.description, t)}</span>
              </button>
            ))}
          </div>
        </>
      )}
      {item && !done && (
        <>
          <div className="device-card chosen">
            <span className="device-name">
              {deviceLabel(item.deviceKind, item.description, t)} — {pupilName(item.pupil, t)}
            </span>
            <span className="sub">
              {formatTime(item.since, i18n.language)} · {t('teacher.transfer.current')}: {custodianLabel(item.custodian, dir, t)}
            </span>
          </div>
          <div className="transfer-targets">
            <fieldset>
              <legend>{t('teacher.transfer.toPlace')}</legend>
              {places.map((l) => (
                <button
                  key={l.locationId}
                  type="button"
                  aria-pressed={same(target, { locationId: l.locationId })}
                  onClick={() => setTarget({ locationId: l.locationId })}
                >
                  {l.name} <span className="sub-inline">({t(`teacher.transfer.locationKinds.${l.kind}`)})</span>
                </button>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('teacher.transfer.toColleague')}</legend>
              {staff.map((s) => (
                <button
                  key={s.staffId}
                  type="button"
                  aria-pressed={same(target, { staffId: s.staffId })}
                  onClick={() => setTarget({ staffId: s.staffId })}
                >
                  {s.displayName}
                </button>
              ))}
            </fieldset>
          </div>
          <label className="field">
            <span>{t('teacher.transfer.note')}</span>
            <input type="text" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </label>
        </>
      )}
      <div className="choice-row">
        <button type="button" onClick={() => navigate('teacher', back)}>
          ← {t('teacher.transfer.back')}
        </button>
        {item && !done && (
          <button type="button" className="primary" disabled={busy || !target} onClick={submit}>
            {t('teacher.transfer.submit')}
          </button>
        )}
        {item && !done && !target && <span className="muted">{t('teacher.transfer.chooseTarget')}</span>}
      </div>
    </section>
  );
}
