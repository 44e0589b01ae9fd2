import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionMark, type CustodyOutcome } from '../../../shared/contract';
import { useFormDirty } from '../../state/FormDirty';
import { navigate } from '../../state/router';
import { call } from '../../bridge';
import type { DeviceChoice } from '../../components/deviceChoices';
import { DeviceSummary } from '../../components/DeviceSummary';
import { ToggleGroup } from '../../components/ToggleGroup';
import { WorkflowDevice } from '../../components/WorkflowDevice';
import { WorkflowDone } from '../../components/WorkflowDone';
import { useWorkflowSubmit } from '../../components/useWorkflowSubmit';
import type { TeacherScreenProps } from './screen';
import './workflows.css';
import { SubmitForm } from '../../components/SubmitForm';

const marks = ConditionMark.options;
type Mark = (typeof marks)[number];

/** Damage the teacher sees at a handover; pupils have a two-tap version at the door. */
export function ConditionScreen({ params }: TeacherScreenProps) {
  const { t } = useTranslation();
  return (
    <WorkflowDevice title={t('workflows.condition.title')} screen="condition" params={params} emptyText={t('workflows.condition.empty')}>
      {(choice) => <ConditionForm key={choice.deviceId} choice={choice} />}
    </WorkflowDevice>
  );
}

function ConditionForm({ choice }: { choice: DeviceChoice }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Mark[]>([]);
  const [note, setNote] = useState('');
  const [nothing, setNothing] = useState(false);
  const { busy, problem, run, refuse } = useWorkflowSubmit();
  const [done, setDone] = useState<CustodyOutcome | null>(null);
  useFormDirty(!done && (selected.length > 0 || note.trim() !== ''));

  if (done) {
    return (
      <WorkflowDone
        title={t('workflows.condition.done')}
        actions={
          <>
            <button type="button" className="primary" onClick={() => navigate('teacher')}>
              {t('workflows.common.toOverview')}
            </button>
            <button type="button" onClick={() => navigate('teacher', 'incident', { device: choice.deviceId })}>
              {t('workflows.incident.title')}
            </button>
          </>
        }
      >
        <DeviceSummary choice={choice} />
        <ul className="wf-marks-done">
          {selected.map((m) => (
            <li key={m}>{t(`workflows.condition.marks.${m}`)}</li>
          ))}
        </ul>
        <p className="wf-muted">{t('workflows.common.recorded', { seq: done.event.seq })}</p>
      </WorkflowDone>
    );
  }

  const toggle = (m: Mark) => {
    setNothing(false);
    setSelected((s) => (s.includes(m) ? s.filter((x) => x !== m) : [...s, m]));
  };

  const submit = async () => {
    if (selected.length === 0 && note.trim() === '') {
      setNothing(true);
      refuse();
      return;
    }
    await run(async () => {
      setDone(
        await call('noteCondition', {
          deviceId: choice.deviceId,
          marks: selected,
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      );
    });
  };

  return (
    <SubmitForm
      className="wf-stack wf-narrow-form"
      onSubmit={submit}
    >
      <DeviceSummary choice={choice} />
      <ToggleGroup
        label={t('workflows.condition.intro')}
        options={marks.map((m) => ({ value: m, label: t(`workflows.condition.marks.${m}`) }))}
        selected={selected}
        onToggle={toggle}
      />
      <div className="wf-field">
        <label htmlFor="wf-note" className="wf-label">
          {t('workflows.condition.note')} <span className="wf-muted">{t('workflows.common.optional')}</span>
        </label>
        <textarea
          id="wf-note"
          className="wf-input"
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setNothing(false);
          }}
        />
      </div>
      {nothing && (
        <p role="alert" className="wf-error">
          {t('workflows.condition.nothing')}
        </p>
      )}
      {problem && (
        <p role="alert" className="wf-error">
          {problem}
        </p>
      )}
      <div className="wf-actions">
        <button type="submit" className="primary wf-submit" disabled={busy}>
          {t('workflows.condition.submit')}
        </button>
      </div>
    </SubmitForm>
  );
}
