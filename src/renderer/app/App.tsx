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
import { SettingsProvider, useSettings } from '../state/SettingsContext';
import { useIdleReturn } from './useIdleReturn';
import { useKioskInfo, type KioskState } from '../state/useKioskInfo';
import { StartFailureScreen } from '../screens/startFailure/StartFailureScreen';
import { HealthBanners } from './HealthBanners';
import { StaffMenu } from './StaffMenu';
import { useDoorMode } from '../screens/door/useDoorMode';

export function App() {
  const kiosk = useKioskInfo();
  // Until the kiosk says whether its database opened, nothing asks it for settings or a session.
  if (!kiosk.health && !kiosk.unreachable) return null;
  const health = kiosk.health;
  if (health?.startFailure) return <StartFailureScreen health={{ ...health, startFailure: health.startFailure }} />;
  return (
    <SettingsProvider>
      <SessionProvider>
        <Shell kiosk={kiosk} />
      </SessionProvider>
    </SettingsProvider>
  );
}

const menu: Area[] = ['door', 'teacher', 'office', 'settings'];
/** How long the door keeps another language after the last touch or scan. */
const DOOR_LANGUAGE_IDLE_MS = 30_000;

function Shell({ kiosk }: { kiosk: KioskState }) {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const { refresh } = kiosk;
  const staffArea = route.area === 'teacher' || route.area === 'settings';
  const atDoor = route.area === 'door';
  // A staff screen shows what is wrong now: a backup may have failed, or the disk filled, since.
  useEffect(() => {
    refresh();
  }, [route.area, refresh]);
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
  // A pupil who switched the door to English is helped; the next pupils get the school's language back.
  const { settings } = useSettings();
  // The top bar says which way the door works now, so the mode lives above the door screen.
  const door = useDoorMode(settings.returnModeAt);
  const backToSchoolLanguage = useCallback(() => void i18n.changeLanguage(settings.language), [i18n, settings.language]);
  useIdleReturn({
    active: route.area === 'door' && i18n.language !== settings.language,
    dirty: false,
    timeoutMs: DOOR_LANGUAGE_IDLE_MS,
    onTimeout: backToSchoolLanguage,
  });

  return (
    <div className="app">
      <header className={`topbar${atDoor && door.mode === 'return' ? ' is-return' : ''}`}>
        <span className="brand">{t('app.name')}</span>
        {atDoor ? (
          <>
            <span className="topbar-mode" data-testid="topbar-mode" data-mode={door.mode}>
              {t(door.mode === 'return' ? 'door.mode.return' : 'door.mode.handIn')}
            </span>
            <LanguageSwitch />
            <nav aria-label={t('nav.main')}>
              <StaffMenu />
            </nav>
          </>
        ) : (
          <>
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
          </>
        )}
      </header>
      {kiosk.health && <HealthBanners health={kiosk.health} staffArea={staffArea} />}
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
          {route.area === 'door' && <DoorScreen kioskName={kiosk.info?.name ?? null} mode={door.mode} switchTo={door.switchTo} />}
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
