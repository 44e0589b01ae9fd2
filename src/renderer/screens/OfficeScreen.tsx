import { useTranslation } from 'react-i18next';
import { navigate } from '../state/router';
import { useSession } from '../state/SessionContext';
import { mayEnter } from '../state/staffAreas';
import { StaffScreen } from './office/StaffScreen';
import { UnlockScreen } from './teacher/UnlockScreen';
import { StickersScreen } from './office/StickersScreen';

/** The office's area, behind the office's (or the administrator's) PIN. */
export function OfficeScreen() {
  const { t } = useTranslation();
  const { session, lock } = useSession();
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
  return (
    <div className="office-area">
      <div className="office-header">
        <h1>{t('office.title')}</h1>
        <button
          type="button"
          className="lock"
          onClick={() => {
            void lock(false);
            navigate('door');
          }}
        >
          {t('teacher.lock')}
        </button>
      </div>
      <StaffScreen me={session.unlocked} />
      <StickersScreen />
      <p className="notice" role="note">
        {t('office.notReady')}
      </p>
    </div>
  );
}
