import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import i18next from 'i18next';
import { defaultSettings, type Settings, type SettingsPatch } from '../../shared/contract/settings';
import { call } from '../bridge';

interface SettingsValue {
  settings: Settings;
  loaded: boolean;
  /** Admin only (the core checks); throws a `CallError` otherwise. */
  update(patch: SettingsPatch): Promise<Settings>;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    call('getSettings', {}).then(
      async (s) => {
        // The school's language before the first screen shows; the switch in the corner overrides it.
        await i18next.changeLanguage(s.language);
        setSettings(s);
        setLoaded(true);
      },
      () => setLoaded(true),
    );
  }, []);
  const update = useCallback(async (patch: SettingsPatch) => {
    const next = await call('updateSettings', { patch });
    if (patch.language) await i18next.changeLanguage(next.language);
    setSettings(next);
    return next;
  }, []);
  const value = useMemo(() => ({ settings, loaded, update }), [settings, loaded, update]);
  return <SettingsContext.Provider value={value}>{loaded ? children : null}</SettingsContext.Provider>;
}

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
