import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustodyOutcome, MethodResult } from '../../../shared/contract';
import { DeviceKind } from '../../../shared/contract/custody';
import { call } from '../../bridge';
import { ChooseAndPin } from '../../components/ChooseAndPin';
import { ToggleGroup } from '../../components/ToggleGroup';
import { errorText } from '../../errors';
import type { EnrolTarget } from './board';
import { useSession } from '../../state/SessionContext';
import { useSettings } from '../../state/SettingsContext';
import './enrol.css';

type Pupil = MethodResult<'listPupils'>['pupils'][number];
type Kind = (typeof DeviceKind.options)[number];
type Step = { step: 'pin' } | { step: 'pupil' } | { step: 'device'; pupil: Pupil };

const nameOf = (p: Pupil) => [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ');

/**
 * A pupil scanned a sticker the kiosk does not know. The teacher types their PIN, picks the pupil
 * (from this kiosk's groups) and says what the device is; one call then registers it with that
 * sticker and hands it in. The staff screens lock again when the dialog closes, whichever way.
 */
export function EnrolDialog({
  target,
  onCancel,
  onEnrolled,
}: {
  target: EnrolTarget;
  onCancel(): void;
  onEnrolled(outcome: CustodyOutcome): void;
}) {
  const { t } = useTranslation();
  const { unlock, lock } = useSession();
  const [state, setState] = useState<Step>({ step: 'pin' });
  const unlocked = useRef(false);
  const close = (then: () => void) => {
    const wasUnlocked = unlocked.current;
    unlocked.current = false;
    if (wasUnlocked) void lock(false).finally(then);
    else then();
  };
  return (
    <div className="door-overlay" role="dialog" aria-modal="true" aria-labelledby="door-enrol-title" data-testid="door-enrol-dialog">
      <div className="door-sheet door-sheet-wide enrol-sheet">
        <h2 id="door-enrol-title">{t('devices.enrol.title')}</h2>
        <p className="enrol-code">{t('devices.enrol.code', { code: target.code })}</p>
        {state.step === 'pin' && (
          <ChooseAndPin
            padLabel={t('devices.enrol.pin')}
            onSubmit={async (staffId, pin) => {
              await unlock(staffId, pin);
              unlocked.current = true;
              setState({ step: 'pupil' });
            }}
          />
        )}
        {state.step === 'pupil' && <PupilPicker onPick={(pupil) => setState({ step: 'device', pupil })} />}
        {state.step === 'device' && (
          <DeviceForm
            target={target}
            pupil={state.pupil}
            onBack={() => setState({ step: 'pupil' })}
            onDone={(outcome) => close(() => onEnrolled(outcome))}
          />
        )}
        <button type="button" className="door-cancel" onClick={() => close(onCancel)}>
          {t('devices.enrol.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The kiosk's own groups' pupils (all, when the kiosk has none set), narrowed by typing a name. */
function PupilPicker({ onPick }: { onPick(pupil: Pupil): void }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const [pupils, setPupils] = useState<Pupil[]>([]);
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    call('listPupils', {}).then(
      (r) => setPupils(r.pupils),
      (error: unknown) => setProblem(errorText(error, i18n.language)),
    );
  }, [i18n.language]);
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('nl');
    return pupils
      .filter((p) => settings.groups.length === 0 || settings.groups.includes(p.groep))
      .filter((p) => q === '' || nameOf(p).toLocaleLowerCase('nl').includes(q));
  }, [pupils, query, settings.groups]);
  return (
    <div className="enrol-step">
      <label className="enrol-search">
        {t('devices.enrol.pickPupil')}
        <input
          type="search"
          value={query}
          placeholder={t('devices.enrol.search')}
          aria-label={t('devices.enrol.search')}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {problem && <p role="alert">{problem}</p>}
      <ul className="enrol-pupils">
        {shown.map((p) => (
          <li key={p.pupilId}>
            <button type="button" onClick={() => onPick(p)}>
              <span className="enrol-pupil-name">{nameOf(p)}</span> <span className="enrol-pupil-group">{p.groep}</span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && pupils.length > 0 && <p>{t('devices.enrol.noMatch')}</p>}
    </div>
  );
}

function DeviceForm({
  target,
  pupil,
  onBack,
  onDone,
}: {
  target: EnrolTarget;
  pupil: Pupil;
  onBack(): void;
  onDone(outcome: CustodyOutcome): void;
}) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<Kind>('smartphone');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onDone(await call('enrolDevice', { code: target.code, tagKind: target.tagKind, pupilId: pupil.pupilId, kind, description }));
    } catch (error) {
      setProblem(errorText(error, i18n.language));
      setBusy(false);
    }
  };
  return (
    <div className="enrol-step">
      <p className="enrol-chosen">{nameOf(pupil)}</p>
      <ToggleGroup<Kind>
        label={t('devices.enrol.device')}
        options={DeviceKind.options.map((k) => ({ value: k, label: t(`devices.kinds.${k}`) }))}
        selected={[kind]}
        onToggle={setKind}
      />
      <label className="enrol-search">
        {t('devices.office.description')}
        <input value={description} maxLength={80} placeholder={t('devices.office.descriptionHint')} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {problem && (
        <p role="alert" className="enrol-problem">
          {problem}
        </p>
      )}
      <div className="enrol-buttons">
        <button type="button" onClick={onBack}>
          {t('devices.enrol.back')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
          {t('devices.enrol.confirm')}
        </button>
      </div>
    </div>
  );
}
