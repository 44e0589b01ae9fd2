import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IncidentKind, type CustodyOutcome } from '../../../shared/contract';
import { useFormDirty } from '../../state/FormDirty';
import { navigate } from '../../state/router';
import { useSettings } from '../../state/SettingsContext';
import { call } from '../../bridge';
import type { DeviceChoice } from '../../components/deviceChoices';
import { DeviceSummary } from '../../components/DeviceSummary';
import { KeptImageView } from '../../components/KeptImage';
import { mediaArgs } from '../../components/mediaBytes';
import { PhotoCapture } from '../../components/PhotoCapture';
import { ToggleGroup } from '../../components/ToggleGroup';
import { WorkflowDevice } from '../../components/WorkflowDevice';
import { WorkflowDone } from '../../components/WorkflowDone';
import { useWorkflowSubmit } from '../../components/useWorkflowSubmit';
import type { TeacherScreenProps } from './screen';
import { emptyInsurerDraft, insurerFacts, InsurerFields } from './InsurerFields';
import './workflows.css';
import { SubmitForm } from '../../components/SubmitForm';

const kinds = IncidentKind.options;
type Kind = (typeof kinds)[number];

/** Damage, loss or theft of a device, optionally with a webcam photo of the device. */
export function IncidentScreen({ params }: TeacherScreenProps) {
  const { t } = useTranslation();
  return (
    <WorkflowDevice title={t('workflows.incident.title')} screen="incident" params={params} emptyText={t('workflows.incident.empty')}>
      {(choice) => <IncidentForm key={choice.deviceId} choice={choice} />}
    </WorkflowDevice>
  );
}

function IncidentForm({ choice }: { choice: DeviceChoice }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [kind, setKind] = useState<Kind>('damage');
  const [description, setDescription] = useState('');
  // Sent with the report and kept beside the ledger; the event's details name it by its SHA-256.
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [missing, setMissing] = useState(false);
  const [insurer, setInsurer] = useState(emptyInsurerDraft);
  const { busy, problem, run, refuse } = useWorkflowSubmit();
  const [done, setDone] = useState<{ outcome: CustodyOutcome; photoHash: string | null } | null>(null);
  useFormDirty(!done && (description.trim() !== '' || photo !== null));

  if (done) {
    return (
      <WorkflowDone
        title={t('workflows.incident.done')}
        actions={
          <button type="button" className="primary" onClick={() => navigate('teacher')}>
            {t('workflows.common.toOverview')}
          </button>
        }
      >
        <DeviceSummary choice={choice} />
        <p>{t(`workflows.incident.kinds.${kind}`)}</p>
        {done.photoHash && (
          <>
            <p className="wf-muted">{t('workflows.incident.withPhoto')}</p>
            <KeptImageView sha256={done.photoHash} kind="photo" />
          </>
        )}
        <p className="wf-muted">{t('workflows.common.recorded', { seq: done.outcome.event.seq })}</p>
      </WorkflowDone>
    );
  }

  const submit = async () => {
    if (description.trim() === '') {
      setMissing(true);
      document.getElementById('wf-description')?.focus();
      refuse();
      return;
    }
    await run(async () => {
      const media = photo ? await mediaArgs(photo) : null;
      const facts = insurerFacts(insurer);
      const outcome = await call('reportIncident', {
        deviceId: choice.deviceId,
        kind,
        description: description.trim(),
        ...(media ? { photoHash: media.sha256, photo: media.upload } : {}),
        ...(facts ? { insurer: facts } : {}),
      });
      setDone({ outcome, photoHash: media?.sha256 ?? null });
    });
  };

  return (
    <SubmitForm
      className="wf-columns"
      onSubmit={submit}
    >
      <div className="wf-stack">
        <DeviceSummary choice={choice} />
        <ToggleGroup<Kind>
          label={t('workflows.incident.kindLabel')}
          options={kinds.map((k) => ({ value: k, label: t(`workflows.incident.kinds.${k}`) }))}
          selected={[kind]}
          onToggle={setKind}
        />
        <div className="wf-field">
          <label htmlFor="wf-description" className="wf-label">
            {t('workflows.incident.description')}
          </label>
          <textarea
            id="wf-description"
            className="wf-input"
            rows={4}
            maxLength={2000}
            value={description}
            aria-invalid={missing}
            aria-describedby={missing ? 'wf-description-missing' : undefined}
            onChange={(e) => {
              setDescription(e.target.value);
              setMissing(false);
            }}
          />
          {missing && (
            <p id="wf-description-missing" role="alert" className="wf-error">
              {t('workflows.incident.descriptionMissing')}
            </p>
          )}
        </div>
        <InsurerFields draft={insurer} onChange={setInsurer} />
        {problem && (
          <p role="alert" className="wf-error">
            {problem}
          </p>
        )}
        <div className="wf-actions">
          <button type="submit" className="primary wf-submit" disabled={busy}>
            {t('workflows.incident.submit')}
          </button>
        </div>
      </div>
      <div className="wf-stack">
        <span className="wf-label">
          {t('workflows.incident.photo')} <span className="wf-muted">{t('workflows.common.optional')}</span>
        </span>
        <PhotoCapture cameraId={settings.camera.deviceId} onChange={setPhoto} />
        <p className="wf-muted wf-small">{t('workflows.incident.photoNote')}</p>
      </div>
    </SubmitForm>
  );
}
