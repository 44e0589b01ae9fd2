import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffName } from '../../shared/contract';
import { CallError } from '../bridge';
import { errorCode, errorText } from '../errors';
import { PinPad } from './PinPad';
import { StaffChooser } from './StaffChooser';

/** Seconds until the lock-out ends, counted down on the screen's clock. */
function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  const left = until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  const start = (seconds: number) => {
    setNow(Date.now());
    setUntil(Date.now() + seconds * 1000);
  };
  return [left, start];
}

interface ChooseAndPinProps {
  padLabel: string;
  /** Checks the PIN of the chosen staff member; rejects with the core's error to show. */
  onSubmit(staffId: string, pin: string): Promise<void>;
  /** A message of the caller's, e.g. "closing…" after a success. */
  note?: string | null;
}

/**
 * The name, then the PIN: every PIN pad that opens something for a staff member. The lock-out
 * is the core's, per account: a locked name disables the pad with its countdown, and choosing
 * another name (a colleague) opens it again.
 */
export function ChooseAndPin({ padLabel, onSubmit, note }: ChooseAndPinProps) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<StaffName | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [secondsLeft, startLockout] = useCountdown();
  const locked = secondsLeft > 0;
  const message = locked
    ? secondsLeft > 120
      ? t('teacher.unlock.lockedMinutes', { minutes: Math.ceil(secondsLeft / 60) })
      : t('teacher.unlock.locked', { seconds: secondsLeft })
    : error !== null && errorCode(error) !== 'PIN_LOCKED'
      ? errorText(error, i18n.language)
      : chosen === null
        ? t('staff.chooser.first')
        : (note ?? null);
  return (
    <div className="choose-and-pin">
      <StaffChooser
        chosen={chosen?.staffId ?? null}
        onChoose={(name) => {
          setChosen(name);
          setError(null);
          startLockout(0);
        }}
      />
      <PinPad
        label={chosen ? `${padLabel} (${chosen.displayName})` : padLabel}
        ariaLabel={padLabel}
        busy={busy || locked || chosen === null}
        message={message}
        onSubmit={(pin) => {
          if (!chosen) return;
          setBusy(true);
          setError(null);
          onSubmit(chosen.staffId, pin)
            .catch((e: unknown) => {
              setError(e);
              const retry = e instanceof CallError && e.data.code === 'PIN_LOCKED' ? e.data.details?.retryAfterSeconds : undefined;
              if (retry !== undefined) startLockout(retry);
            })
            .finally(() => setBusy(false));
        }}
      />
    </div>
  );
}
