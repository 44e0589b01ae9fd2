import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { DoorScreen } from '../screens/door/DoorScreen';
import { PinChangeGate } from '../components/PinChangeGate';
import { OfficeArea } from '../screens/office/OfficeArea';
import { SettingsArea } from '../screens/settings/SettingsArea';
import { TeacherArea } from '../screens/teacher/TeacherArea';
import { FormDirtyProvider } from '../state/FormDirty';
import { navigate, useRoute, type Area } from '../state/router';
import { SessionProvider, useSession } from '../state/SessionContext';
import { SettingsProvider } from '../state/SettingsContext';
import { useIdleReturn } from './useIdleReturn';
import { useKioskInfo } from '../state/useKioskInfo';

export function App() {
  return (
    <SettingsProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </SettingsProvider>
  );
}

const menu: Area[] = ['door', 'teacher', 'office', 'settings'];

function Shell() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const kiosk = useKioskInfo();
  const { lock, session } = useSession();
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  const backToDoor = useCallback(() => {
    void lock(false);
    navigate('door');
  }, [lock]);
  // The door is home; it still locks a teacher who left the kiosk unlocked there.
  const secondsLeft = useIdleReturn({
    active: route.area !== 'door' || session.unlocked !== null,
    dirty,
    onTimeout: backToDoor,
  });

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          {menu.map((area) => (
            <button
              key={area}
              type="button"
              aria-current={route.area === area ? 'page' : undefined}
              onClick={() => navigate(area)}
            >
              {t(`nav.${area}`)}
            </button>
          ))}
        </nav>
        <LanguageSwitch />
      </header>
      {kiosk.health && !kiosk.health.writable && (
        <div className="banner banner-danger" role="alert">
          <span>{t('health.readOnly')}</span>
          <button type="button" onClick={() => navigate('settings', 'recover')}>
            {t('health.recover')}
          </button>
        </div>
      )}
      {kiosk.unreachable && (
        <div className="banner banner-danger" role="alert">
          {t('errors.bridgeMissing')}
        </div>
      )}
      {secondsLeft !== null && (
        <div className="banner banner-warning" role="alertdialog" aria-live="assertive">
          <span>{t('idle.warning', { seconds: secondsLeft })}</span>
          <button type="button">{t('idle.stay')}</button>
        </div>
      )}
      <FormDirtyProvider onChange={setDirty}>
        <main className="screen">
          {route.area === 'door' && <DoorScreen kioskName={kiosk.info?.name ?? null} />}
          {route.area !== 'door' && (
            <PinChangeGate>
              {route.area === 'teacher' && <TeacherArea screen={route.screen} params={route.params} />}
              {route.area === 'office' && <OfficeArea screen={route.screen} />}
              {route.area === 'settings' && <SettingsArea screen={route.screen} />}
            </PinChangeGate>
          )}
        </main>
      </FormDirtyProvider>
    </div>
  );
}
