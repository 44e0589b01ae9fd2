import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinPad } from '../../components/PinPad';
import { useSession } from '../../state/SessionContext';
import type { StaffArea } from '../../state/staffAreas';
import type { StaffSummary } from '../../../shared/contract';
import { errorCode, errorText } from '../../errors';
import { call, CallError } from '../../bridge';
import { FirstAdminScreen } from '../setup/FirstAdminScreen';

/** Seconds until the lockout ends, counted down on the screen's clock. */
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

interface UnlockProps {
  /** The area the pad opens, for its title. */
  area: StaffArea;
  /** Told who unlocked, e.g. to take them to their own area. */
  onUnlocked?(staff: StaffSummary): void;
}

/**
 * The staff screens open only with a personal PIN; the lockout and its back-off are the core's.
 * A wrong PIN says so in the screen's language (kept as the error, so switching language
 * re-renders it); a lockout disables the pad and counts down until it may be tried again.
 */
export function UnlockScreen(props: UnlockProps) {
  const [needsFirstAdmin, setNeedsFirstAdmin] = useState<boolean | null>(null);
  useEffect(() => {
    call('getSetupState', {}).then(
      (s) => setNeedsFirstAdmin(s.needsFirstAdmin),
      () => setNeedsFirstAdmin(false),
    );
  }, []);
  if (needsFirstAdmin === null) return null;
  return needsFirstAdmin ? <FirstAdminScreen /> : <PinUnlock {...props} />;
}

const titles = {
  teacher: 'teacher.unlock.title',
  office: 'office.unlockTitle',
  settings: 'settings.unlockTitle',
} as const satisfies Record<StaffArea, string>;

function PinUnlock({ area, onUnlocked }: UnlockProps) {
  const { t, i18n } = useTranslation();
  const { unlock } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [secondsLeft, startLockout] = useCountdown();
  const locked = secondsLeft > 0;

  const message = locked
    ? t('teacher.unlock.locked', { seconds: secondsLeft })
    : error !== null && errorCode(error) !== 'PIN_LOCKED'
      ? errorText(error, i18n.language)
      : null;
  return (
    <section className="unlock" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t(titles[area])}</h1>
      <PinPad
        label={t('teacher.unlock.pin')}
        busy={busy || locked}
        message={message}
        onSubmit={(pin) => {
          setBusy(true);
          setError(null);
          unlock(pin)
            .then((staff) => onUnlocked?.(staff))
            .catch((e: unknown) => {
              setError(e);
              const retry = e instanceof CallError && e.data.code === 'PIN_LOCKED' ? e.data.details?.retryAfterSeconds : undefined;
              if (retry !== undefined) startLockout(retry);
            })
            .finally(() => setBusy(false));
        }}
      />
    </section>
  );
}
