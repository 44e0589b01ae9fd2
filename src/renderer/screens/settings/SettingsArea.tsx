import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/SessionContext';
import { UnlockScreen } from '../teacher/UnlockScreen';
import { RecoveryScreen } from './RecoveryScreen';
import { SettingsScreen } from './SettingsScreen';

/** Settings and leaving the kiosk: administrators only. */
export function SettingsArea({ screen }: { screen: string | null }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session.unlocked) return <UnlockScreen />;
  if (session.unlocked.role !== 'admin') {
    return (
      <section className="panel">
        <h1>{t('settings.title')}</h1>
        <p className="notice" role="alert">
          {t('settings.adminOnly')}
        </p>
      </section>
    );
  }
  return screen === 'recover' ? <RecoveryScreen /> : <SettingsScreen />;
}
