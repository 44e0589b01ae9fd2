import { useTranslation } from 'react-i18next';
import { useSession } from '../state/SessionContext';
import { mayEnter } from '../state/staffAreas';
import { UnlockScreen } from './teacher/UnlockScreen';
import { StickersScreen } from './office/StickersScreen';

/** The office's area, behind the office's (or the administrator's) PIN; more sections come later. */
export function OfficeScreen() {
  const { t } = useTranslation();
  const { session } = useSession();
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
    <section className="panel office-panel">
      <h1>{t('office.title')}</h1>
      <p className="notice" role="note">
        {t('office.notReady')}
      </p>
      <StickersScreen />
    </section>
  );
}
