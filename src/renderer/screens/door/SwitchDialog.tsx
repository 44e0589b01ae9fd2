import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/SessionContext';
import { ChooseAndPin } from '../../components/ChooseAndPin';
import type { DoorMode } from './doorMode';

/**
 * A teacher's name and PIN to switch the door's mode. After the switch the staff screens lock
 * again at once (the teacher stays on duty), so the door is never left unlocked for the next
 * child. A pupil guessing here locks only the name they chose, for at most an hour, and any
 * colleague can still switch. While this is open the door does not listen for scanner keys, so a
 * keyboard can type the PIN.
 */
export function SwitchDialog({ target, onCancel, onUnlocked }: { target: DoorMode; onCancel(): void; onUnlocked(): void }) {
  const { t } = useTranslation();
  const { unlock, lock } = useSession();
  const title = t('door.mode.dialogTitle', { mode: t(target === 'return' ? 'door.mode.return' : 'door.mode.handIn') });
  return (
    <div className="door-overlay" role="dialog" aria-modal="true" aria-labelledby="door-switch-title" data-testid="door-switch-dialog">
      <div className="door-sheet door-sheet-wide">
        <h2 id="door-switch-title">{title}</h2>
        <ChooseAndPin
          padLabel={t('door.mode.pin')}
          onSubmit={async (staffId, pin) => {
            await unlock(staffId, pin);
            await lock(false);
            onUnlocked();
          }}
        />
        <button type="button" className="door-cancel" onClick={onCancel}>
          {t('door.mode.cancel')}
        </button>
      </div>
    </div>
  );
}
