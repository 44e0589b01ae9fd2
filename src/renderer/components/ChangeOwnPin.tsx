import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { minPinLength, type StaffRole } from '../../shared/contract/access';
import { call } from '../bridge';
import { errorText } from '../errors';

interface ChangeOwnPinProps {
  role: StaffRole;
  /** Asked for after an unlock with a PIN that is too short for the role. */
  forced?: boolean;
  onChanged?(): void;
  /** 1 where the form is the whole page (so the page has its one main heading), 2 inside another page. */
  level?: 1 | 2;
}

/**
 * The unlocked staff member's own PIN: the current one, then the new one twice. The core checks
 * the current PIN like a login (a wrong one counts towards the lock-out).
 */
export function ChangeOwnPin({ role, forced = false, onChanged, level = 2 }: ChangeOwnPinProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  const { t, i18n } = useTranslation();
  const id = useId();
  const min = minPinLength(role);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!new RegExp(`^\\d{${min},8}$`).test(next)) return setProblem(t('staff.myPin.tooShort', { min }));
    if (next !== again) return setProblem(t('staff.myPin.mismatch'));
    setBusy(true);
    setProblem(null);
    try {
      await call('changeOwnPin', { currentPin: current, newPin: next });
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
      onChanged?.();
    } catch (error) {
      setProblem(errorText(error, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: string, label: string, value: string, set: (v: string) => void) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        required
        value={value}
        onChange={(e) => set(e.target.value.replace(/\D/g, ''))}
      />
    </>
  );
  return (
    <form className="staff-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t('staff.myPin.title')}</Heading>
      <p>{forced ? t('staff.myPin.forced', { min }) : t('staff.myPin.intro', { min })}</p>
      {field('current', t('staff.myPin.current'), current, setCurrent)}
      {field('new', t('staff.myPin.new'), next, setNext)}
      {field('again', t('staff.myPin.again'), again, setAgain)}
      {problem && (
        <p role="alert" className="staff-problem">
          {problem}
        </p>
      )}
      {done && <p role="status">{t('staff.myPin.done')}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {t('staff.myPin.save')}
      </button>
    </form>
  );
}
