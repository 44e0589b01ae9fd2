import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { minPinLength, StaffRole } from '../../../shared/contract/access';
import type { StaffAccount, StaffSummary } from '../../../shared/contract';
import { call } from '../../bridge';
import { ChangeOwnPin } from '../../components/ChangeOwnPin';
import { errorText } from '../../errors';
import './staff.css';

const roles = StaffRole.options;

/** A PIN typed twice, checked for the role's minimum before the core sees it. */
function usePinPair(role: StaffRole) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const min = minPinLength(role);
  return {
    pin,
    again,
    setPin: (v: string) => setPin(v.replace(/\D/g, '')),
    setAgain: (v: string) => setAgain(v.replace(/\D/g, '')),
    clear: () => (setPin(''), setAgain('')),
    problem: (): string | null =>
      !new RegExp(`^\\d{${min},8}$`).test(pin) ? t('staff.office.tooShort', { min }) : pin !== again ? t('staff.office.mismatch') : null,
  };
}

/**
 * "Personeel": the office registers teachers, deactivates who left, changes roles, sets a new
 * PIN for who forgot theirs and lifts a lock-out. What is allowed is the core's (only an
 * administrator touches an administrator; never the last one; never oneself); refusals show.
 */
export function StaffScreen({ me }: { me: StaffSummary }) {
  const { t, i18n } = useTranslation();
  const [accounts, setAccounts] = useState<StaffAccount[]>([]);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [resetting, setResetting] = useState<StaffAccount | null>(null);
  const reload = useCallback(() => call('listStaffAccounts', {}).then((r) => setAccounts(r.staff)), []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ text: done, ok: true });
    } catch (error) {
      setMessage({ text: errorText(error, i18n.language), ok: false });
    }
    await reload();
  };

  return (
    <section className="panel staff-screen" aria-labelledby="staff-title">
      <h1 id="staff-title">{t('staff.office.title')}</h1>
      <p>{t('staff.office.intro')}</p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'staff-ok' : 'staff-problem'}>
          {message.text}
        </p>
      )}
      <div className="staff-table-wrap">
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.office.name')}</th>
              <th scope="col">{t('staff.office.role')}</th>
              <th scope="col">{t('staff.office.status')}</th>
              <th scope="col">{t('staff.office.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => {
              const mine = a.staffId === me.staffId;
              return (
                <tr key={a.staffId} className={a.active ? undefined : 'staff-inactive'}>
                  <th scope="row">
                    {a.displayName} {mine && <span className="staff-you">{t('staff.office.you')}</span>}
                  </th>
                  <td>
                    <select
                      aria-label={`${t('staff.office.role')}: ${a.displayName}`}
                      value={a.role}
                      disabled={mine}
                      onChange={(e) =>
                        void act(() => call('changeStaff', { staffId: a.staffId, role: e.target.value as StaffRole }), t('staff.office.changed'))
                      }
                    >
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`staff.office.roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {!a.active
                      ? t('staff.office.inactive')
                      : a.lockedSeconds > 0
                        ? t('staff.office.lockedFor', { minutes: Math.ceil(a.lockedSeconds / 60) })
                        : t('staff.office.active')}
                  </td>
                  <td>
                    {!mine && (
                      <div className="staff-actions">
                        <button
                          type="button"
                          onClick={() => void act(() => call('changeStaff', { staffId: a.staffId, active: !a.active }), t('staff.office.changed'))}
                        >
                          {a.active ? t('staff.office.deactivate') : t('staff.office.activate')}
                        </button>
                        {a.active && (
                          <button type="button" onClick={() => setResetting(a)}>
                            {t('staff.office.resetPin')}
                          </button>
                        )}
                        {a.lockedSeconds > 0 && (
                          <button type="button" onClick={() => void act(() => call('clearStaffLock', { staffId: a.staffId }), t('staff.office.changed'))}>
                            {t('staff.office.clearLock')}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {resetting && (
        <ResetPinForm
          account={resetting}
          onCancel={() => setResetting(null)}
          onDone={(text, ok) => {
            setMessage({ text, ok });
            if (ok) setResetting(null);
            void reload();
          }}
        />
      )}
      <AddStaffForm
        onDone={(text, ok) => {
          setMessage({ text, ok });
          void reload();
        }}
      />
      <ChangeOwnPin role={me.role} />
    </section>
  );
}

function ResetPinForm({ account, onCancel, onDone }: { account: StaffAccount; onCancel(): void; onDone(text: string, ok: boolean): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const pins = usePinPair(account.role);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong = pins.problem();
    if (wrong) return setProblem(wrong);
    try {
      await call('resetStaffPin', { staffId: account.staffId, pin: pins.pin });
      pins.clear();
      onDone(t('staff.office.reset.done', { name: account.displayName }), true);
    } catch (error) {
      onDone(errorText(error, i18n.language), false);
    }
  };
  return (
    <form className="staff-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('staff.office.reset.title', { name: account.displayName })}</h3>
      <label htmlFor={`${id}-pin`}>{t('staff.office.reset.pin', { min: minPinLength(account.role) })}</label>
      <input id={`${id}-pin`} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pins.pin} onChange={(e) => pins.setPin(e.target.value)} />
      <label htmlFor={`${id}-again`}>{t('staff.office.reset.again')}</label>
      <input id={`${id}-again`} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pins.again} onChange={(e) => pins.setAgain(e.target.value)} />
      {problem && (
        <p role="alert" className="staff-problem">
          {problem}
        </p>
      )}
      <div className="staff-form-buttons">
        <button type="submit" className="primary">
          {t('staff.office.reset.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('staff.office.reset.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddStaffForm({ onDone }: { onDone(text: string, ok: boolean): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('teacher');
  const pins = usePinPair(role);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong = pins.problem();
    if (wrong) return setProblem(wrong);
    setProblem(null);
    try {
      const added = await call('addStaff', { displayName: name.trim(), role, pin: pins.pin });
      setName('');
      pins.clear();
      onDone(t('staff.office.add.done', { name: added.displayName }), true);
    } catch (error) {
      onDone(errorText(error, i18n.language), false);
    }
  };
  return (
    <form className="staff-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('staff.office.add.title')}</h3>
      <label htmlFor={`${id}-name`}>{t('staff.office.add.name')}</label>
      <input id={`${id}-name`} type="text" autoComplete="off" maxLength={80} required value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${id}-role`}>{t('staff.office.add.role')}</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`staff.office.roles.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-pin`}>{t('staff.office.add.pin')}</label>
      <input id={`${id}-pin`} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pins.pin} onChange={(e) => pins.setPin(e.target.value)} />
      <label htmlFor={`${id}-again`}>{t('staff.office.add.again')}</label>
      <input id={`${id}-again`} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pins.again} onChange={(e) => pins.setAgain(e.target.value)} />
      {problem && (
        <p role="alert" className="staff-problem">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={name.trim() === ''}>
        {t('staff.office.add.submit')}
      </button>
    </form>
  );
}
