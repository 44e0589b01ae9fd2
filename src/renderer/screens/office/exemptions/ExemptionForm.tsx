import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field';
import { exemptionReasonList, type ExemptionChoices, type ExemptionReason, type MethodArgs } from '../../../../shared/contract';
import { GroupSelect } from '../../../components/GroupSelect';
import { SubmitForm } from '../../../components/SubmitForm';

interface ExemptionFormProps {
  choices: ExemptionChoices;
  /** The kiosk's local date, YYYY-MM-DD: the default first and last day. */
  today: string;
  busy: boolean;
  onSubmit: (input: MethodArgs<'addExemption'>, pupilName: string) => void;
}

/**
 * Pupil (by group), device or any device, a category, the dates and who agreed. A note is off
 * by default: it opens only on request, with a reminder that the category is enough.
 */
export function ExemptionForm({ choices, today, busy, onSubmit }: ExemptionFormProps) {
  const { t } = useTranslation();
  const groups = [...new Set(choices.pupils.map((p) => p.groep))];
  const [groep, setGroep] = useState(groups[0] ?? '');
  const [pupilId, setPupilId] = useState('');
  const [deviceId, setDeviceId] = useState('');
  const [reason, setReason] = useState<ExemptionReason | ''>('');
  const [from, setFrom] = useState(today);
  const [until, setUntil] = useState(today);
  const [agreedBy, setAgreedBy] = useState('');
  const [withNote, setWithNote] = useState(false);
  const [note, setNote] = useState('');
  const [incomplete, setIncomplete] = useState(false);

  const pupils = choices.pupils.filter((p) => p.groep === groep);
  const pupil = pupils.find((p) => p.pupilId === pupilId);
  const submit = () => {
    if (!pupil || !reason || !from || !until || !agreedBy) {
      setIncomplete(true);
      return;
    }
    setIncomplete(false);
    onSubmit(
      {
        pupilId: pupil.pupilId,
        deviceId: deviceId || null,
        reason,
        validFrom: from,
        validUntil: until,
        agreedBy,
        ...(withNote && note.trim() ? { note: note.trim() } : {}),
      },
      pupil.name,
    );
    setPupilId('');
    setDeviceId('');
    setNote('');
    setWithNote(false);
  };

  return (
    <SubmitForm className="card exemption-form" onSubmit={submit} aria-labelledby="exemption-form-title">
      <h2 id="exemption-form-title">{t('exemptions.add')}</h2>
      <Field label={t('exemptions.groep')}>
        {(id) => (
          <GroupSelect
            id={id}
            groups={groups}
            value={groep}
            onChange={(g) => {
              setGroep(g);
              setPupilId('');
              setDeviceId('');
            }}
          />
        )}
      </Field>
      <Field label={t('exemptions.pupil')}>
        {(id) => (
          <select
            id={id}
            value={pupilId}
            onChange={(e) => {
              setPupilId(e.target.value);
              setDeviceId('');
            }}
          >
            <option value="">{t('exemptions.choose')}</option>
            {pupils.map((p) => (
              <option key={p.pupilId} value={p.pupilId}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('exemptions.device')}>
        {(id) => (
          <select id={id} value={deviceId} onChange={(e) => setDeviceId(e.target.value)} disabled={!pupil}>
            <option value="">{t('exemptions.anyDevice')}</option>
            {pupil?.devices.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.description || t(`door.kinds.${d.kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('exemptions.reason')}>
        {(id) => (
          <select id={id} value={reason} onChange={(e) => setReason(e.target.value as ExemptionReason | '')}>
            <option value="">{t('exemptions.choose')}</option>
            {exemptionReasonList.map((r) => (
              <option key={r} value={r}>
                {t(`exemptions.reasons.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="exemption-dates">
        <Field label={t('exemptions.from')}>
          {(id) => (
            <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          )}
        </Field>
        <Field label={t('exemptions.until')}>
          {(id) => (
            <input id={id} type="date" value={until} min={from} onChange={(e) => setUntil(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label={t('exemptions.agreedBy')}>
        {(id) => (
          <select id={id} value={agreedBy} onChange={(e) => setAgreedBy(e.target.value)}>
            <option value="">{t('exemptions.choose')}</option>
            {choices.staff.map((s) => (
              <option key={s.staffId} value={s.staffId}>
                {s.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={withNote} onChange={(e) => setWithNote(e.target.checked)} />
        <span>{t('exemptions.addNote')}</span>
      </label>
      {withNote && (
        <Field label={t('exemptions.note')}>
          {(id) => (
            <>
              <textarea id={id} value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
              <span className="muted">{t('exemptions.noteWarning')}</span>
            </>
          )}
        </Field>
      )}
      {incomplete && (
        <p className="message message-error" role="alert">
          {t('exemptions.incomplete')}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('exemptions.save')}
      </button>
    </SubmitForm>
  );
}
