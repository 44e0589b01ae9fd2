import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { navigate } from '../../state/router';
import { useSession } from '../../state/SessionContext';
import { mayEnter } from '../../state/staffAreas';
import { UnlockScreen } from '../teacher/UnlockScreen';
import { officeSections } from './sections';
import './office.css';

/** The office's area, behind the office's (or the administrator's) PIN, one section at a time. */
export function OfficeArea({ screen }: { screen: string | null }) {
  const { t } = useTranslation();
  const { session, lock } = useSession();
  const [boardMode, setBoardMode] = useState(false);
  const unlocked = session.unlocked !== null && mayEnter('office', session.unlocked.role);
  useEffect(() => {
    if (!unlocked) return;
    // Without an answer the board's section stays hidden: the kiosk's own sections never wait for it.
    call('getCentralConnection', {}).then(
      (view) => setBoardMode(view.board),
      () => setBoardMode(false),
    );
  }, [unlocked]);
  if (!session.unlocked) return <UnlockScreen area="office" />;
  if (!mayEnter('office', session.unlocked.role)) {
    return (
      <section className="panel">
        <h1>{t('office.title')}</h1>
        <p className="notice" role="alert">
          {t('office.officeOnly')}
        </p>
      </section>
    );
  }
  const sections = officeSections.filter((s) => !s.boardOnly || boardMode);
  const current = sections.find((s) => s.id === screen) ?? sections[0]!;
  const { Component } = current;
  return (
    <div className="office-area">
      <nav className="office-menu" aria-label={t('office.menuLabel')}>
        <span className="office-who">{session.unlocked.displayName}</span>
        {sections.map((s) => (
          <button
            key={s.id}
            type="button"
            aria-current={s.id === current.id ? 'page' : undefined}
            onClick={() => navigate('office', s.id)}
          >
            {t(`office.sections.${s.label}`)}
          </button>
        ))}
        <button
          type="button"
          className="office-lock"
          onClick={() => {
            void lock(false);
            navigate('door');
          }}
        >
          {t('office.lock')}
        </button>
      </nav>
      <div className="office-section">
        <Component />
      </div>
    </div>
  );
}
