import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitForm } from './SubmitForm';

export interface PinPadProps {
  label: string;
  /** The form's accessible name when `label` carries more (the chosen name); defaults to `label`. */
  ariaLabel?: string;
  onSubmit: (pin: string) => void;
  busy?: boolean;
  /** Shown under the dots: a wrong PIN, a lockout with its countdown. */
  message?: string | null;
  minLength?: number;
  maxLength?: number;
}

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * An on-screen keypad for a touch screen; a hardware keyboard works too. The PIN is never shown,
 * only one dot per digit.
 */
export function PinPad({ label, ariaLabel, onSubmit, busy = false, message, minLength = 4, maxLength = 8 }: PinPadProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const add = (digit: string) => setPin((p) => (p.length < maxLength ? p + digit : p));
  const submit = () => {
    if (pin.length < minLength || busy) return;
    onSubmit(pin);
    setPin('');
  };
  return (
    <SubmitForm
      className="pinpad"
      aria-label={ariaLabel ?? label}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (/^\d$/.test(e.key)) add(e.key);
        else if (e.key === 'Backspace') setPin((p) => p.slice(0, -1));
        else return;
        e.preventDefault();
      }}
    >
      <div className="pinpad-label">{label}</div>
      <div className="pinpad-dots" role="status" aria-live="polite" aria-label={t('pin.entered', { count: pin.length })}>
        {Array.from({ length: Math.max(minLength, pin.length) }, (_, i) => (
          <span key={i} className={i < pin.length ? 'dot dot-filled' : 'dot'} />
        ))}
      </div>
      {message && (
        <div className="pinpad-message" role="alert">
          {message}
        </div>
      )}
      <div className="pinpad-keys">
        {keys.map((k) => (
          <button key={k} type="button" onClick={() => add(k)} disabled={busy}>
            {k}
          </button>
        ))}
        <button type="button" onClick={() => setPin((p) => p.slice(0, -1))} aria-label={t('pin.erase')} disabled={busy}>
          ⌫
        </button>
        <button type="button" onClick={() => add('0')} disabled={busy}>
          0
        </button>
        <button type="submit" className="primary" aria-label={t('pin.ok')} disabled={busy || pin.length < minLength}>
          OK
        </button>
      </div>
    </SubmitForm>
  );
}
