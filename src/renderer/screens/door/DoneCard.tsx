import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract/settings';
import type { CustodyOutcome } from '../../../shared/contract';
import type { DoneEntry } from './board';
import { clockTime } from './format';
import { DeviceIcon, KeepIcon, RepeatIcon, ReturnIcon, TickIcon } from './icons';

interface DoneCardProps {
  entry: DoneEntry;
  privacy: Settings['privacyDisplay'];
  big: boolean;
  onReportDamage?: () => void;
  /** The board's clock (performance.now()): until when "Ongedaan maken" is offered. */
  now?: number;
  onUndoDamage?: () => void;
}

/**
 * A confirmation: whose device (first name, or only the pouch number if the school prefers), which
 * device, where it goes, when — with a tick. The newest is big; older ones shrink into the list.
 */
export function DoneCard({ entry, privacy, big, onReportDamage, now = 0, onUndoDamage }: DoneCardProps) {
  const { t, i18n } = useTranslation();
  const { outcome, mode } = entry;
  const time = clockTime(outcome.event.occurredAt, i18n.language);
  const kind = t(`door.kinds.${outcome.device.kind}`);
  const pouch = outcome.pouch ? t('door.done.pouch', { number: outcome.pouch.number }) : null;
  const headline =
    privacy === 'pouch-only'
      ? (pouch ?? t('door.done.yourDevice', { kind }))
      : (doorName(outcome.pupil) ?? t('door.done.yourDevice', { kind }));
  const status = outcome.exempt
    ? t('door.done.keepIt')
    : outcome.repeat
    ? t(mode === 'return' ? 'door.done.repeatReturn' : 'door.done.repeatHandIn', { time })
    : `${t(mode === 'return' ? 'door.done.returned' : 'door.done.handedIn')} ${t('door.done.at', { time })}`;
  const Icon = outcome.exempt ? KeepIcon : outcome.repeat ? RepeatIcon : mode === 'return' ? ReturnIcon : TickIcon;
  // Handing in: where to put it. Returning: where the teacher takes it from.
  const showPouchBox = !outcome.exempt && (mode === 'hand-in' || pouch !== null) && !(privacy === 'pouch-only' && pouch);
  const pouchLabel = mode === 'return' ? t('door.done.takeFrom') : pouch ? t('door.done.putIn') : t('door.done.noPouch');
  const className = [
    'door-card',
    'door-done',
    outcome.exempt ? 'is-exempt' : mode === 'return' ? 'is-return' : 'is-hand-in',
    outcome.repeat && !outcome.exempt ? 'is-repeat' : '',
    big ? 'is-big' : 'is-small',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <article
      className={className}
      data-testid={big ? 'door-confirmation' : 'door-earlier'}
      data-device={outcome.device.deviceId}
      aria-label={`${headline}: ${status}`}
    >
      <div className="door-card-icon">
        <Icon size={big ? 104 : 56} />
      </div>
      <p className="door-card-headline" data-testid="door-headline">
        <span className="door-name" style={{ '--longest-word': longestWord(headline) } as CSSProperties}>
          {headline}
        </span>
      </p>
      <div className="door-card-body">
        <p className="door-card-status" data-testid="door-status">
          {big || outcome.repeat || outcome.exempt ? status : t('door.done.at', { time })}
        </p>
        {big && outcome.exempt && <p className="door-card-note">{t('door.done.keepItNote')}</p>}
        {big && (
          <p className="door-card-device">
            <DeviceIcon kind={outcome.device.kind} size={40} />
            <span>{t('door.done.device', { description: outcome.device.description, kind })}</span>
          </p>
        )}
        {big && entry.damage.step !== 'none' && <DamageStatus entry={entry} now={now} onUndo={onUndoDamage} />}
        {big && onReportDamage && entry.damage.step === 'none' && (
          <button type="button" className="door-damage-button" onClick={onReportDamage}>
            {t('door.damage.report')}
          </button>
        )}
      </div>
      {showPouchBox && (
        <div className="door-pouch" data-testid="door-pouch">
          {big && <span className="door-pouch-label">{pouchLabel}</span>}
          {pouch && <span className="door-pouch-number">{pouch}</span>}
        </div>
      )}
    </article>
  );
}

function DamageStatus({ entry, now, onUndo }: { entry: DoneEntry; now: number; onUndo: (() => void) | undefined }) {
  const { t } = useTranslation();
  const { damage } = entry;
  if (damage.step === 'saving' || damage.step === 'undoing') return <p className="door-damage-status">{t('door.damage.saving')}</p>;
  if (damage.step === 'done') {
    // The undo sits after the note, at the card's edge: not where the pupil's finger just was.
    return (
      <div className="door-damage-noted">
        <p className="door-damage-status is-noted" role="status" data-testid="door-damage-noted">
          ✓ {t('door.damage.noted', { mark: t(`door.damage.marks.${damage.mark}`) })}
        </p>
        {onUndo && now < damage.undoUntil && (
          <button type="button" className="door-damage-undo" onClick={onUndo}>
            {t('door.damage.undo')}
          </button>
        )}
      </div>
    );
  }
  if (damage.step === 'undone') {
    return (
      <p className="door-damage-status is-noted" role="status" data-testid="door-damage-undone">
        {t('door.damage.undone')}
      </p>
    );
  }
  if (damage.step === 'failed') return <p className="door-damage-status is-failed" role="alert">{t('door.damage.failed')}</p>;
  return null;
}

/** The first name, with the surname's initial when the group has two of that name ("Lucas V."). */
export function doorName(pupil: CustodyOutcome['pupil']): string | null {
  if (!pupil?.roepnaam) return null;
  return pupil.surnameInitial ? `${pupil.roepnaam} ${pupil.surnameInitial}.` : pupil.roepnaam;
}

/**
 * The longest run of letters a line may not break (names break only at spaces and hyphens):
 * the headline's size is capped so that it fits the card's width whole.
 */
export function longestWord(text: string): number {
  return Math.max(1, ...text.split(/[\s-]+/).map((word) => [...word].length));
}
