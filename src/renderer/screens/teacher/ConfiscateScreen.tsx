import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustodyOutcome, StaffSummary } from '../../../shared/contract';
import { errorCode, errorText } from '../../errors';
import { useFormDirty } from '../../state/FormDirty';
import { navigate } from '../../state/router';
import { call } from '../../bridge';
import type { DeviceChoice } from '../../components/deviceChoices';
import { DeviceSummary } from '../../components/DeviceSummary';
import { ToggleGroup } from '../../components/ToggleGroup';
import { useStaffDirectory } from '../../components/useStaffDirectory';
import { WorkflowDevice } from '../../components/WorkflowDevice';
import { WorkflowDone } from '../../components/WorkflowDone';
import { useWorkflowSubmit } from '../../components/useWorkflowSubmit';
import { WitnessStep } from './ConfiscateWitness';
import type { TeacherScreenProps } from './screen';
import './workflows.css';
import { SubmitForm } from '../../components/SubmitForm';

/**
 * The protocol's sanctions that lead to taking a device into custody (section "Sancties", about
 * the rules of sections A and B). The article code is non-personal and goes to the ledger's
 * details; the reason text is the teacher's and goes to the redactable payload.
 */
const quickChoices = [
  { id: 'useAtSchool', article: 'B' },
  { id: 'notHandedIn', article: 'B' },
  { id: 'recording', article: 'A' },
  { id: 'harm', article: 'A' },
  { id: 'other', article: null },
] as const;
type QuickId = (typeof quickChoices)[number]['id'];

/**
 * *In beslag nemen*: a sanction in two steps. The teacher fills in the reason, bag and place;
 * then a second staff member, as witness, sees that summary and confirms with their own PIN.
 */
export function ConfiscateScreen({ staff, params }: TeacherScreenProps) {
  const { t } = useTranslation();
  return (
    <WorkflowDevice title={t('workflows.confiscate.title')} screen="confiscate" params={params} emptyText={t('workflows.confiscate.empty')}>
      {(choice) => <ConfiscateForm key={choice.deviceId} choice={choice} me={staff} />}
    </WorkflowDevice>
  );
}

function ConfiscateForm({ choice, me }: { choice: DeviceChoice; me: StaffSummary }) {
  const { t, i18n } = useTranslation();
  const { directory, error: directoryError } = useStaffDirectory();
  const [quick, setQuick] = useState<QuickId | null>(null);
  const [reason, setReason] = useState('');
  const [sealedBag, setSealedBag] = useState('');
  const [locationId, setLocationId] = useState<string>('me');
  const [step, setStep] = useState<'details' | 'witness'>('details');
  const { busy, problem, run, refuse, clear } = useWorkflowSubmit();
  const [pinMessage, setPinMessage] = useState<string | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [done, setDone] = useState<CustodyOutcome | null>(null);
  useFormDirty(!done && (reason.trim() !== '' || sealedBag.trim() !== ''));

  if (done) {
    return (
      <WorkflowDone
        title={t('workflows.confiscate.done')}
        actions={
          <>
            <button type="button" className="primary" onClick={() => navigate('teacher', 'release', { device: choice.deviceId })}>
              {t('workflows.confiscate.toRelease')}
            </button>
            <button type="button" onClick={() => navigate('teacher')}>
              {t('workflows.common.toOverview')}
            </button>
          </>
        }
      >
        {/* Where it went now, not the pouch it was in: a confiscated phone goes to a person or the safe. */}
        <DeviceSummary
          choice={{
            ...choice,
            held: true,
            confiscatedSeq: done.event.seq,
            pouchNumber: done.pouch?.number ?? null,
            locationName:
              done.pouch?.locationName ??
              (directory?.locations ?? []).find((l) => l.locationId === locationId)?.name ??
              t('workflows.confiscate.withMe', { name: me.displayName }),
          }}
        />
        <p className="wf-emphasis">{t('workflows.confiscate.sameDay')}</p>
        <p className="wf-muted">{t('workflows.common.recorded', { seq: done.event.seq })}</p>
      </WorkflowDone>
    );
  }

  if (choice.confiscatedSeq !== null) {
    return (
      <div className="wf-stack">
        <DeviceSummary choice={choice} />
        <p role="alert" className="wf-notice">{t('workflows.confiscate.already')}</p>
        <div className="wf-actions">
          <button type="button" className="primary" onClick={() => navigate('teacher', 'release', { device: choice.deviceId })}>
            {t('workflows.confiscate.toRelease')}
          </button>
          <button type="button" onClick={() => navigate('teacher', 'confiscate')}>
            {t('workflows.common.otherDevice')}
          </button>
        </div>
      </div>
    );
  }

  const witnesses = (directory?.staff ?? []).filter((s) => s.staffId !== me.staffId);
  // Phone bags and lockers are for routine hand-ins; a sanction is kept with a person or in the safe.
  const places = (directory?.locations ?? []).filter((l) => l.kind !== 'phone_bag' && l.kind !== 'locker');
  const article = quickChoices.find((q) => q.id === quick)?.article ?? null;
  const withMe = t('workflows.confiscate.withMe', { name: me.displayName });

  const pickQuick = (id: QuickId) => {
    setQuick(id);
    setReasonMissing(false);
    // A quick choice fills in its standard wording; the teacher may still change it.
    setReason(id === 'other' ? '' : t(`workflows.confiscate.quickReason.${id}`));
  };

  const toWitness = () => {
    if (reason.trim() === '') {
      setReasonMissing(true);
      document.getElementById('wf-reason')?.focus();
      refuse();
      return;
    }
    clear();
    setStep('witness');
  };

  const confirm = async (witnessStaffId: string, witnessPin: string) => {
    setPinMessage(null);
    await run(
      async () => {
        const outcome = await call('confiscate', {
          deviceId: choice.deviceId,
          reason: reason.trim(),
          ...(article ? { article } : {}),
          witnessStaffId,
          witnessPin,
          ...(sealedBag.trim() ? { sealedBagNumber: sealedBag.trim() } : {}),
          ...(locationId !== 'me' ? { locationId } : {}),
        });
        setDone(outcome);
      },
      // The witness's own PIN was wrong: they try again on the PIN pad; anything else sends the
      // teacher back to the details, with the message there.
      (e) => {
        const code = errorCode(e);
        if (code === 'PIN_WRONG' || code === 'PIN_LOCKED') {
          setPinMessage(errorText(e, i18n.language));
          return true;
        }
        setStep('details');
        return false;
      },
    );
  };

  if (step === 'witness') {
    return (
      <WitnessStep
        choice={choice}
        draft={{
          article,
          reason: reason.trim(),
          sealedBag: sealedBag.trim(),
          keptAt: places.find((l) => l.locationId === locationId)?.name ?? withMe,
        }}
        witnesses={witnesses}
        busy={busy}
        pinMessage={pinMessage}
        onBack={() => {
          setPinMessage(null);
          setStep('details');
        }}
        onConfirm={(id, pin) => void confirm(id, pin)}
      />
    );
  }

  return (
    <SubmitForm
      className="wf-columns wf-columns-wide"
      onSubmit={toWitness}
    >
      <div className="wf-stack">
        <DeviceSummary choice={choice} />
        <ToggleGroup
          label={t('workflows.confiscate.quickLabel')}
          options={quickChoices.map((q) => ({ value: q.id, label: t(`workflows.confiscate.quick.${q.id}`) }))}
          selected={quick ? [quick] : []}
          onToggle={pickQuick}
        />
        <div className="wf-field">
          <label htmlFor="wf-reason" className="wf-label">
            {t('workflows.confiscate.reason')}
          </label>
          <textarea
            id="wf-reason"
            className="wf-input"
            rows={2}
            maxLength={1000}
            value={reason}
            aria-invalid={reasonMissing}
            aria-describedby={reasonMissing ? 'wf-reason-missing' : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonMissing(false);
            }}
          />
          {reasonMissing && (
            <p id="wf-reason-missing" role="alert" className="wf-error">
              {t('workflows.confiscate.reasonMissing')}
            </p>
          )}
        </div>
      </div>
      <div className="wf-stack">
        <div className="wf-field">
          <label htmlFor="wf-bag" className="wf-label">
            {t('workflows.confiscate.sealedBag')} <span className="wf-muted">{t('workflows.common.optional')}</span>
          </label>
          <input
            id="wf-bag"
            className="wf-input wf-input-short"
            autoComplete="off"
            maxLength={40}
            value={sealedBag}
            onChange={(e) => setSealedBag(e.target.value)}
          />
        </div>
        <ToggleGroup
          label={t('workflows.confiscate.location')}
          options={[{ value: 'me', label: withMe }, ...places.map((l) => ({ value: l.locationId, label: l.name }))]}
          selected={[locationId]}
          onToggle={setLocationId}
        />
        {directoryError !== null && (
          <p role="alert" className="wf-error">
            {errorText(directoryError, i18n.language)}
          </p>
        )}
        {problem && (
          <p role="alert" className="wf-error">
            {problem}
          </p>
        )}
        <div className="wf-actions">
          <button type="submit" className="primary wf-submit" disabled={!directory}>
            {t('workflows.confiscate.next')}
          </button>
        </div>
      </div>
    </SubmitForm>
  );
}
