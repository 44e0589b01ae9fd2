import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { DoorScreen } from '../screens/DoorScreen';
import { OfficeScreen } from '../screens/OfficeScreen';
import { TeacherScreen } from '../screens/TeacherScreen';
import { navigate, routes, useRoute } from './router';
import { useKioskInfo } from './useKioskInfo';

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const kiosk = useKioskInfo();

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          {routes.map((r) => (
            <button key={r} type="button" aria-current={route === r ? 'page' : undefined} onClick={() => navigate(r)}>
              {t(`nav.${r}`)}
            </button>
          ))}
        </nav>
        <LanguageSwitch />
      </header>
      {kiosk.health && !kiosk.health.writable && (
        <div className="banner banner-danger" role="alert">
          {t('health.readOnly')}
        </div>
      )}
      {kiosk.unreachable && (
        <div className="banner banner-danger" role="alert">
          {t('errors.bridgeMissing')}
        </div>
      )}
      <main className="screen">
        {route === 'door' && <DoorScreen kioskName={kiosk.info?.name ?? null} />}
        {route === 'teacher' && <TeacherScreen />}
        {route === 'office' && <OfficeScreen />}
      </main>
    </div>
  );
}
