import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../errors';
import { useSession } from '../../state/SessionContext';
import { PinPad } from '../../components/PinPad';
import type { DoorMode } from './doorMode';

/**
 * A teacher's PIN to switch the door's mode. After the switch the staff screens lock again at
 * once (the teacher stays on duty), so the door is never left unlocked for the next child. While
 * this is open the door does not listen for scanner keys, so a keyboard can type the PIN.
 */
export function SwitchDialog({ target, onCancel, onUnlocked }: { target: DoorMode; onCancel(): void; onUnlocked(): void }) {
  const { t, i18n } = useTranslation();
  const { unlock, lock } = useSession();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const title = t('door.mode.dialogTitle', { mode: t(target === 'return' ? 'door.mode.return' : 'door.mode.handIn') });
  return (
    <div className="door-overlay" role="dialog" aria-modal="true" aria-labelledby="door-switch-title" data-testid="door-switch-dialog">
      <div className="door-sheet door-sheet-narrow">
        <h2 id="door-switch-title">{title}</h2>
        <PinPad
          label={t('door.mode.pin')}
          busy={busy}
          message={message}
          onSubmit={(pin) => {
            setBusy(true);
            setMessage(null);
            unlock(pin)
              .then(async () => {
                await lock(false);
                onUnlocked();
              })
              .catch((error: unknown) => setMessage(errorText(error, i18n.language)))
              .finally(() => setBusy(false));
          }}
        />
        <button type="button" className="door-cancel" onClick={onCancel}>
          {t('door.mode.cancel')}
        </button>
      </div>
    </div>
  );
}
