import { useTranslation } from 'react-i18next';
import type { CustodyListItem } from '../../../shared/contract';

/** How long "Ongedaan maken" stays after a return on the end-of-day list. */
export const UNDO_MS = 8000;

/** A device decided on this screen: returned (undoable for a while) or kept until tomorrow. */
export interface Settled {
  item: CustodyListItem;
  kind: 'returned' | 'kept';
  /** The event that recorded it: what an undo voids. */
  seq: number;
  undoable: boolean;
}

/**
 * Stays where the device's row was, the same height, so nothing below moves up under the finger.
 * The mark sits where "Teruggeven" was and the undo at the far end: a second tap on the same spot
 * lands on text, not on a button.
 */
export function SettledRow({
  entry,
  names,
  sub,
  busy,
  onUndo,
}: {
  entry: Settled;
  names: { device: string; name: string };
  /** The same small line as the open row had (pouch, time, who held it), so the row keeps its height. */
  sub: string;
  busy: boolean;
  onUndo(): void;
}) {
  const { t } = useTranslation();
  return (
    <li className="eod-item is-settled" data-device={entry.item.deviceId} data-settled={entry.kind}>
      <div className="eod-who">
        <strong>{names.name}</strong> — {names.device}
        <span className="sub">{sub}</span>
      </div>
      <div className="row-actions eod-settled-actions">
        <span className="eod-status">
          <span aria-hidden="true">✓ </span>
          {t(entry.kind === 'returned' ? 'teacher.endOfDay.settledReturned' : 'teacher.endOfDay.settledKept')}
        </span>
        {entry.undoable && (
          <button
            type="button"
            disabled={busy}
            aria-label={t('teacher.endOfDay.undoFor', names)}
            onClick={onUndo}
          >
            {t('teacher.endOfDay.undo')}
          </button>
        )}
      </div>
    </li>
  );
}
