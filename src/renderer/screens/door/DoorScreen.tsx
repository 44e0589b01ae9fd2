import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../state/SettingsContext';
import { DevicesIcon } from '../../components/DevicesIcon';
import { remaining, pickingEntry, type EnrolTarget, type Entry } from './board';
import { ChoosePanel } from './ChoosePanel';
import { DamagePicker } from './DamagePicker';
import { DoneCard } from './DoneCard';
import { EnrolDialog } from './EnrolDialog';
import { ModeBar } from './ModeBar';
import { ProblemCard } from './ProblemCard';
import { SwitchDialog } from './SwitchDialog';
import { useCustodyCount } from './useCustodyCount';
import { useDoorBoard } from './useDoorBoard';
import type { DoorMode } from './doorMode';
import { useScanSources } from './useScanSources';
import './door.css';

/**
 * The scan screen at the classroom door. Pupils scan; each sees their own confirmation at once,
 * on top of the ones before, which fade away by themselves. Nothing here needs a keyboard or a
 * teacher, except switching between handing in and giving back.
 */
export function DoorScreen({
  kioskName,
  mode,
  switchTo,
}: {
  kioskName: string | null;
  /** Decided above the door (see useDoorMode): the top bar shows it too. */
  mode: DoorMode;
  switchTo(mode: DoorMode): void;
}) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const door = useDoorBoard(mode, settings.sound);
  const [askingPin, setAskingPin] = useState(false);
  const [enrolling, setEnrolling] = useState<EnrolTarget | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const { cameraProblem } = useScanSources(door.onScan, settings, video, !askingPin && enrolling === null);

  const { entries, choice } = door.board;
  const [newest, ...earlier] = entries;
  // Asked again after every answer at the door: a return changes the counter.
  const count = useCustodyCount(mode === 'return', newest?.id ?? 0);
  const picking = pickingEntry(door.board);

  return (
    <section className={`door-screen ${mode === 'return' ? 'is-return' : 'is-hand-in'}`} aria-labelledby="door-prompt">
      <ModeBar mode={mode} count={count} onSwitch={switchTo} onAskPin={() => setAskingPin(true)} />
      <div className={`door-stage ${newest ? 'is-live' : 'is-idle'}`}>
        <div className="door-prompt-block">
          {!newest && (
            <div className="door-icon">
              <DevicesIcon size={120} />
            </div>
          )}
          <h1 id="door-prompt">{t(mode === 'return' ? 'door.promptReturn' : 'door.prompt')}</h1>
          <p className="door-hint">{t(mode === 'return' ? 'door.hintReturn' : 'door.hint')}</p>
        </div>
        {newest && (
          <div className="door-live">
            <div className="door-newest" aria-live="assertive">
              <EntryCard
                entry={newest}
                big
                privacy={settings.privacyDisplay}
                onEnrol={newest.kind === 'problem' && newest.enrol ? () => setEnrolling(newest.enrol ?? null) : undefined}
                onReportDamage={
                  newest.kind === 'done' && newest.mode === 'hand-in' && !newest.outcome.repeat && !newest.outcome.exempt
                    ? () => door.openDamage(newest.id)
                    : undefined
                }
                now={door.board.now}
                onUndoDamage={() => door.undoDamage(newest.id)}
              />
            </div>
            {earlier.length > 0 && (
              <ol className="door-earlier" aria-label={t('door.recent')}>
                {earlier.map((entry) => (
                  // An older card fades as it ages, but never below 0.8: fainter, its white text on
                  // the card's colour would drop under WCAG AA's 4.5:1 while it is still there to read.
                  <li key={entry.id} style={{ opacity: 0.8 + 0.2 * remaining(entry, door.board.now) }}>
                    <EntryCard entry={entry} big={false} privacy={settings.privacyDisplay} />
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
      </div>
      <footer className="door-footer">
        {kioskName && (
          <p className="kiosk-name" data-testid="kiosk-name">
            {t('door.kiosk', { name: kioskName })}
          </p>
        )}
        {cameraProblem && (
          <p className="door-camera-problem" role="status">
            {t('door.camera.unavailable', { reason: i18n.language === 'en' ? cameraProblem.message.en : cameraProblem.message.nl })}
          </p>
        )}
        {settings.camera.enabled && (
          <video ref={video} className="door-camera" aria-label={t('door.camera.preview')} muted playsInline />
        )}
      </footer>
      {choice && <ChoosePanel choice={choice} onChoose={door.choose} onCancel={door.closeChoice} />}
      {picking && (
        <DamagePicker onPick={(mark) => door.noteDamage(picking.id, mark)} onCancel={() => door.closeDamage(picking.id)} />
      )}
      {enrolling !== null && (
        <EnrolDialog
          target={enrolling}
          onCancel={() => setEnrolling(null)}
          onEnrolled={(outcome) => {
            setEnrolling(null);
            door.showHandIn(outcome);
          }}
        />
      )}
      {askingPin && (
        <SwitchDialog
          target={mode === 'return' ? 'hand-in' : 'return'}
          onCancel={() => setAskingPin(false)}
          onUnlocked={() => {
            setAskingPin(false);
            switchTo(mode === 'return' ? 'hand-in' : 'return');
          }}
        />
      )}
    </section>
  );
}

function EntryCard({
  entry,
  big,
  privacy,
  onReportDamage,
  onEnrol,
  now,
  onUndoDamage,
}: {
  entry: Entry;
  big: boolean;
  privacy: 'first-name' | 'pouch-only';
  onReportDamage?: (() => void) | undefined;
  onEnrol?: (() => void) | undefined;
  now?: number;
  onUndoDamage?: () => void;
}) {
  if (entry.kind === 'problem') return <ProblemCard entry={entry} big={big} onEnrol={onEnrol} />;
  return (
    <DoneCard
      entry={entry}
      big={big}
      privacy={privacy}
      {...(onReportDamage ? { onReportDamage } : {})}
      {...(now !== undefined && onUndoDamage ? { now, onUndoDamage } : {})}
    />
  );
}
