import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/contract';
import type { DeviceChoice } from '../../components/deviceChoices';
import { DeviceSummary } from '../../components/DeviceSummary';
import { PinPad } from '../../components/PinPad';
import { ToggleGroup } from '../../components/ToggleGroup';

/** What the teacher filled in, shown to the witness before they confirm it with their PIN. */
export interface ConfiscationDraft {
  article: string | null;
  reason: string;
  sealedBag: string;
  /** Where it will be kept, in words ("Bij mij (Juf Anna)", "Kluis administratie"). */
  keptAt: string;
}

export interface WitnessStepProps {
  choice: DeviceChoice;
  draft: ConfiscationDraft;
  /** Active staff other than the confiscating teacher. */
  witnesses: StaffSummary[];
  busy: boolean;
  /** A wrong PIN or a lockout, under the PIN pad. */
  pinMessage: string | null;
  onBack(): void;
  onConfirm(witnessStaffId: string, pin: string): void;
}

/**
 * The second staff member steps up to the kiosk, sees what they witness (device, reason, bag,
 * place), picks their own name and confirms with their own PIN.
 */
export function WitnessStep({ choice, draft, witnesses, busy, pinMessage, onBack, onConfirm }: WitnessStepProps) {
  const { t } = useTranslation();
  const [witnessId, setWitnessId] = useState<string | null>(null);
  const witness = witnesses.find((s) => s.staffId === witnessId) ?? null;
  return (
    <div className="wf-columns">
      <div className="wf-stack">
        <h2 className="wf-step">{t('workflows.confiscate.summary')}</h2>
        <DeviceSummary choice={choice} />
        <dl className="wf-facts">
          <dt>{t('workflows.confiscate.reason')}</dt>
          <dd>
            {draft.article && <strong>{t('workflows.receipt.article', { article: draft.article })} </strong>}
            {draft.reason}
          </dd>
          {draft.sealedBag && (
            <>
              <dt>{t('workflows.confiscate.sealedBag')}</dt>
              <dd>{draft.sealedBag}</dd>
            </>
          )}
          <dt>{t('workflows.confiscate.keptAt')}</dt>
          <dd>{draft.keptAt}</dd>
        </dl>
        {witnesses.length === 0 ? (
          <p role="alert" className="wf-notice">
            {t('workflows.confiscate.noWitness')}
          </p>
        ) : (
          <ToggleGroup
            label={t('workflows.confiscate.witness')}
            options={witnesses.map((s) => ({ value: s.staffId, label: s.displayName }))}
            selected={witnessId ? [witnessId] : []}
            onToggle={setWitnessId}
          />
        )}
        <div className="wf-actions">
          <button type="button" onClick={onBack} disabled={busy}>
            {t('workflows.confiscate.back')}
          </button>
        </div>
      </div>
      <div className="wf-stack wf-witness">
        {witness ? (
          <PinPad
            key={witness.staffId}
            label={t('workflows.confiscate.witnessPin', { name: witness.displayName })}
            busy={busy}
            message={pinMessage}
            onSubmit={(pin) => onConfirm(witness.staffId, pin)}
          />
        ) : (
          witnesses.length > 0 && <p className="wf-notice">{t('workflows.confiscate.witnessHint')}</p>
        )}
      </div>
    </div>
  );
}
