import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { conditionMarks } from './damage';
import { DamageIcon } from './damageIcons';
import type { ConditionMark } from './types';

/** The second of the two taps: one big pictogram per kind of damage; the tap notes it. */
export function DamagePicker({ onPick, onCancel }: { onPick(mark: ConditionMark): void; onCancel(): void }) {
  const { t } = useTranslation();
  const sheet = useRef<HTMLDivElement>(null);
  // Focus moves into the dialog for a screen reader, not onto one button (that would look chosen).
  useEffect(() => sheet.current?.focus(), []);
  return (
    <div className="door-overlay" role="dialog" aria-modal="false" aria-labelledby="door-damage-title" data-testid="door-damage">
      <div className="door-sheet" ref={sheet} tabIndex={-1}>
        <h2 id="door-damage-title">{t('door.damage.title')}</h2>
        <div className="door-marks">
          {conditionMarks.map((mark) => (
            <button key={mark} type="button" className="door-mark" onClick={() => onPick(mark)}>
              <DamageIcon mark={mark} />
              <span>{t(`door.damage.marks.${mark}`)}</span>
            </button>
          ))}
        </div>
        <button type="button" className="door-cancel" onClick={onCancel}>
          {t('door.damage.cancel')}
        </button>
      </div>
    </div>
  );
}
