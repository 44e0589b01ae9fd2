import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventListItem } from '../../../shared/contract';
import { useFormDirty } from '../../state/FormDirty';
import { navigate } from '../../state/router';
import { useKioskInfo } from '../../state/useKioskInfo';
import { call } from '../../bridge';
import type { DeviceChoice } from '../../components/deviceChoices';
import { DeviceSummary } from '../../components/DeviceSummary';
import { mediaArgs } from '../../components/mediaBytes';
import { formatMoment, Receipt } from '../../components/Receipt';
import { buildReceiptFacts, type ReceiptFacts } from '../../components/receiptFacts';
import { SignaturePad } from '../../components/SignaturePad';
import { useKeptImage } from '../../components/useKeptImage';
import { useStaffDirectory } from '../../components/useStaffDirectory';
import { WorkflowDevice } from '../../components/WorkflowDevice';
import { WorkflowDone } from '../../components/WorkflowDone';
import { useWorkflowSubmit } from '../../components/useWorkflowSubmit';
import type { TeacherScreenProps } from './screen';
import './workflows.css';
import { SubmitForm } from '../../components/SubmitForm';

const isConfiscated = (c: DeviceChoice) => c.confiscatedSeq !== null;

/** A confiscated device goes home only with a named parent or guardian, with a printed receipt. */
export function ReleaseScreen({ params }: TeacherScreenProps) {
  const { t } = useTranslation();
  return (
    <WorkflowDevice title={t('workflows.release.title')} screen="release" params={params} filter={isConfiscated} emptyText={t('workflows.release.empty')}>
      {(choice) => <ReleaseForm key={choice.deviceId} choice={choice} />}
    </WorkflowDevice>
  );
}

/** The `confiscated` event this release closes: its witness and reason go on the receipt. */
function useConfiscation(deviceId: string, seq: number | null): EventListItem | null {
  const [event, setEvent] = useState<EventListItem | null>(null);
  useEffect(() => {
    if (seq === null) return;
    let cancelled = false;
    call('listEvents', { deviceId, beforeSeq: seq + 1, limit: 1 }).then(
      (r) => !cancelled && setEvent(r.events.find((e) => e.seq === seq) ?? null),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [deviceId, seq]);
  return event;
}

function ReleaseForm({ choice }: { choice: DeviceChoice }) {
  const { t, i18n } = useTranslation();
  const kiosk = useKioskInfo();
  const { directory } = useStaffDirectory();
  const confiscation = useConfiscation(choice.deviceId, choice.confiscatedSeq);
  const [guardian, setGuardian] = useState('');
  const [note, setNote] = useState('');
  // Sent with the release and kept beside the ledger; the receipt shows the kept copy, so what a
  // parent takes home is what the school holds.
  const [signature, setSignature] = useState<Blob | null>(null);
  const [guardianMissing, setGuardianMissing] = useState(false);
  const { busy, problem, run, refuse } = useWorkflowSubmit();
  const [receipt, setReceipt] = useState<{ facts: ReceiptFacts; signatureHash: string | null } | null>(null);
  const keptSignature = useKeptImage(receipt?.signatureHash ?? null);
  const [printed, setPrinted] = useState(false);
  // An unprinted receipt counts as unsaved work: the idle timeout warns before it disappears.
  useFormDirty(receipt ? !printed : guardian.trim() !== '' || note.trim() !== '' || signature !== null);

  if (receipt) {
    return (
      <div className="wf-columns wf-columns-receipt">
        <WorkflowDone
          title={t('workflows.release.done', { name: receipt.facts.release.guardianName })}
          actions={
            <>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  window.print();
                  setPrinted(true);
                }}
              >
                {t('workflows.release.print')}
              </button>
              <button type="button" onClick={() => navigate('teacher')}>
                {t('workflows.common.toOverview')}
              </button>
            </>
          }
        >
          <p className="wf-muted">{t('workflows.common.recorded', { seq: receipt.facts.release.seq })}</p>
        </WorkflowDone>
        {/* Until the kept signature is there (or if it is not), the receipt has a line to sign on paper. */}
        <Receipt facts={receipt.facts} signatureUrl={keptSignature.status === 'ready' ? keptSignature.dataUrl : null} />
      </div>
    );
  }

  if (choice.confiscatedSeq === null) {
    return (
      <div className="wf-stack">
        <DeviceSummary choice={choice} />
        <p role="alert" className="wf-notice">{t('workflows.release.notConfiscated')}</p>
        <div className="wf-actions">
          <button type="button" onClick={() => navigate('teacher', 'release')}>
            {t('workflows.common.otherDevice')}
          </button>
        </div>
      </div>
    );
  }

  const submit = async () => {
    if (guardian.trim() === '') {
      setGuardianMissing(true);
      document.getElementById('wf-guardian')?.focus();
      refuse();
      return;
    }
    await run(async () => {
      const media = signature ? await mediaArgs(signature) : null;
      const released = await call('releaseToGuardian', {
        deviceId: choice.deviceId,
        guardianName: guardian.trim(),
        ...(media ? { signatureImageHash: media.sha256, signature: media.upload } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      const facts = buildReceiptFacts({
        kiosk: kiosk.info,
        released,
        confiscation,
        staffNames: directory?.names ?? new Map(),
        guardianName: guardian,
        note,
        signed: media !== null,
      });
      setReceipt({ facts, signatureHash: media?.sha256 ?? null });
    });
  };

  return (
    <SubmitForm
      className="wf-columns"
      onSubmit={submit}
    >
      <div className="wf-stack">
        <DeviceSummary choice={choice} />
        {confiscation && (
          <p className="wf-muted">
            {t('workflows.release.since', {
              at: formatMoment(confiscation.occurredAt, i18n.language),
              by: directory?.names.get(confiscation.actor) ?? '—',
            })}
          </p>
        )}
        <div className="wf-field">
          <label htmlFor="wf-guardian" className="wf-label">
            {t('workflows.release.guardian')}
          </label>
          <input
            id="wf-guardian"
            className="wf-input"
            autoComplete="off"
            maxLength={200}
            value={guardian}
            aria-invalid={guardianMissing}
            aria-describedby={guardianMissing ? 'wf-guardian-missing' : undefined}
            onChange={(e) => {
              setGuardian(e.target.value);
              setGuardianMissing(false);
            }}
          />
          {guardianMissing && (
            <p id="wf-guardian-missing" role="alert" className="wf-error">
              {t('workflows.release.guardianMissing')}
            </p>
          )}
        </div>
        <div className="wf-field">
          <label htmlFor="wf-note" className="wf-label">
            {t('workflows.release.note')} <span className="wf-muted">{t('workflows.common.optional')}</span>
          </label>
          <textarea
            id="wf-note"
            className="wf-input"
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {problem && (
          <p role="alert" className="wf-error">
            {problem}
          </p>
        )}
      </div>
      <div className="wf-stack">
        <div className="wf-field">
          <span className="wf-label">
            {t('workflows.release.signature')} <span className="wf-muted">{t('workflows.common.optional')}</span>
          </span>
          <SignaturePad label={t('workflows.release.signature')} onChange={setSignature} />
        </div>
        <div className="wf-actions">
          <button type="submit" className="primary wf-submit" disabled={busy}>
            {t('workflows.release.submit')}
          </button>
        </div>
      </div>
    </SubmitForm>
  );
}
