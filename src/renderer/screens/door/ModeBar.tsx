import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/SessionContext';
import type { DoorMode } from './doorMode';
import type { CustodyCount } from './useCustodyCount';

interface ModeBarProps {
  mode: DoorMode;
  count: CustodyCount | null;
  /** An unlocked teacher switches at once. */
  onSwitch(mode: DoorMode): void;
  /** Otherwise the door asks for a PIN first (see SwitchDialog). */
  onAskPin(): void;
}

/**
 * The band above the door (return mode looks clearly different; the top bar names the mode): the
 * return counter and the switch. Only staff may switch: an unlocked teacher at once, anyone else is
 * asked for a teacher's PIN first.
 */
export function ModeBar({ mode, count, onSwitch, onAskPin }: ModeBarProps) {
  const { t } = useTranslation();
  const { session, lock } = useSession();
  const other: DoorMode = mode === 'return' ? 'hand-in' : 'return';
  const switchLabel = t(other === 'return' ? 'door.mode.switchToReturn' : 'door.mode.switchToHandIn');
  const unlocked = session.unlocked;

  return (
    <div className={`door-bar ${mode === 'return' ? 'is-return' : 'is-hand-in'}`} data-testid="door-mode" data-mode={mode}>
      {mode === 'return' && (
        <span className="door-counter" data-testid="door-counter" aria-live="polite">
          {count === null
            ? ''
            : count.handedInToday === 0
              ? t('door.counterNone')
              : t('door.counter', { held: count.heldFromToday, total: count.handedInToday })}
        </span>
      )}
      <span className="door-bar-actions">
        {unlocked && (
          <>
            <span className="door-unlocked">{t('door.mode.unlockedAs', { name: unlocked.displayName })}</span>
            <button type="button" onClick={() => void lock(false)}>
              {t('door.mode.lock')}
            </button>
          </>
        )}
        <button
          type="button"
          className="door-switch"
          onClick={() => (unlocked ? onSwitch(other) : onAskPin())}
          aria-haspopup={unlocked ? undefined : 'dialog'}
        >
          {switchLabel}
          {!unlocked && <span className="door-switch-note"> ({t('door.mode.locked')})</span>}
        </button>
      </span>
    </div>
  );
}
