import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../state/router';
import { useSession } from '../../state/SessionContext';
import { useSettings } from '../../state/SettingsContext';
import { call } from '../../bridge';
import { isPast } from './teacherFormat';
import './teacher.css';

/**
 * Locks the teacher screens. From return time on (settings.returnModeAt), locking with devices
 * still held and undecided warns first and offers the end-of-day list: before that, holding the
 * class's devices is simply the normal state of the school day.
 */
export function LockButton() {
  const { t } = useTranslation();
  const { lock } = useSession();
  const { settings } = useSettings();
  const [left, setLeft] = useState(0);
  const firstChoice = useRef<HTMLButtonElement>(null);
  // The warning takes the focus, so a keyboard user lands on its choices.
  useEffect(() => {
    if (left > 0) firstChoice.current?.focus();
  }, [left]);
  const lockNow = () => {
    setLeft(0);
    void lock(false);
    navigate('door');
  };
  const onClick = () => {
    if (!isPast(settings.returnModeAt)) return lockNow();
    call('getDay', {}).then(
      (day) => (day.outstanding.length > 0 ? setLeft(day.outstanding.length) : lockNow()),
      lockNow,
    );
  };
  return (
    <>
      <button type="button" className="lock" onClick={onClick}>
        {t('teacher.lock')}
      </button>
      {left > 0 && (
        <div className="lock-warning" role="alertdialog" aria-modal="false" aria-labelledby="lock-warning-title">
          <h2 id="lock-warning-title">
            <span aria-hidden="true">⚠ </span>
            {t('teacher.lockWarning.title', { count: left })}
          </h2>
          <p>{t('teacher.lockWarning.text')}</p>
          <div className="choice-row">
            <button
              ref={firstChoice}
              type="button"
              className="primary"
              onClick={() => {
                setLeft(0);
                navigate('teacher', 'end-of-day');
              }}
            >
              {t('teacher.lockWarning.toEndOfDay')}
            </button>
            <button type="button" onClick={lockNow}>
              {t('teacher.lockWarning.lockAnyway')}
            </button>
            <button type="button" onClick={() => setLeft(0)}>
              {t('teacher.lockWarning.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
