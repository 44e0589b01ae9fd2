import { useTranslation } from 'react-i18next';
import type { Bag } from '../../../../shared/contract';

/** The bag as it hangs on the wall: one tile per pouch, in number order, with its pupil. */
export function PouchGrid({ bag, selected, onSelect }: { bag: Bag; selected: string | null; onSelect: (pouchId: string) => void }) {
  const { t } = useTranslation();
  return (
    <ol className="pouch-grid" aria-label={bag.name}>
      {bag.pouches.map((p) => {
        const state = !p.active ? 'is-retired' : p.pupil ? 'is-taken' : 'is-free';
        return (
          <li key={p.pouchId}>
            <button
              type="button"
              className={`pouch-tile ${state}`}
              aria-pressed={selected === p.pouchId}
              disabled={!p.active}
              data-number={p.number}
              onClick={() => onSelect(p.pouchId)}
            >
              <span className="pouch-number">{p.number}</span>
              <span className="pouch-who">{!p.active ? t('pouches.retired') : (p.pupil?.name ?? t('pouches.free'))}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
