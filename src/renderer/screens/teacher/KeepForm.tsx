import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormDirty } from '../../state/FormDirty';
import { SubmitForm } from '../../components/SubmitForm';

/** The reason a device stays at school tonight; required, recorded in the ledger. */
export function KeepForm({
  label,
  busy,
  onSubmit,
  onCancel,
}: {
  label: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  useFormDirty(reason.trim() !== '');
  return (
    <SubmitForm
      className="keep-form"
      aria-label={label}
      onSubmit={() => { if (reason.trim()) onSubmit(reason.trim()); }}
    >
      <label className="field">
        <span>{label}</span>
        <input type="text" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="choice-row">
        <button type="submit" className="primary" disabled={busy || !reason.trim()}>
          {t('teacher.endOfDay.keepSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('teacher.endOfDay.cancel')}
        </button>
      </div>
    </SubmitForm>
  );
}
