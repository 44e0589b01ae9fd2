import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/SessionContext';
import { mayEnter } from '../../state/staffAreas';
import { UnlockScreen } from '../teacher/UnlockScreen';
import { BackupsScreen } from './BackupsScreen';
import { RecoveryScreen } from './RecoveryScreen';
import { SettingsScreen } from './SettingsScreen';

/** Settings and leaving the kiosk: administrators only. Unlocking here never changes who is on duty. */
export function SettingsArea({ screen }: { screen: string | null }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session.unlocked) return <UnlockScreen area="settings" />;
  if (!mayEnter('settings', session.unlocked.role)) {
    return (
      <section className="panel">
        <h1>{t('settings.title')}</h1>
        <p className="notice" role="alert">
          {t('settings.adminOnly')}
        </p>
      </section>
    );
  }
  if (screen === 'backups') return <BackupsScreen />;
  return screen === 'recover' ? <RecoveryScreen /> : <SettingsScreen />;
}
