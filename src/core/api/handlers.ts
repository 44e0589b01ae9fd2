import type { Settings } from '../../shared/contract/settings';
import { AppError } from '../../shared/errors';
import type { Core } from '../index';
import { readSettings, updateSettings } from '../settings/store';
import { createCustodyHandlers, exitKioskWithPin } from './custodyHandlers';
import type { Handlers } from './gateway';
import { createSession } from './session';

/** What only the hosting process can do (Electron's app, or the test bridge's stand-in). */
export interface ShellActions {
  exitKiosk(): void;
  /** The host applies what it owns (the HID reader) when the settings change. */
  settingsChanged?(settings: Settings): void;
}

/** The core's side of the contract; the same table serves ipcMain, the test bridge and tests. */
export function createHandlers(core: Core, shell: ShellActions): Handlers {
  const session = createSession(core.services);
  return {
    getKioskInfo() {
      const { kioskId, name, school } = core.kiosk();
      return { kioskId, name, school, appVersion: core.appVersion };
    },
    getHealth() {
      return { writable: core.problem === null, problem: core.problem };
    },
    exitKiosk({ pin }) {
      return exitKioskWithPin(core, pin, () => shell.exitKiosk());
    },
    getSettings: () => readSettings(core.db),
    updateSettings({ patch }) {
      const admin = session.requireUnlocked();
      if (admin.role !== 'admin') throw new AppError('NOT_AUTHORISED');
      const next = updateSettings(core.services.context, admin.staffId, patch);
      shell.settingsChanged?.(next);
      return next;
    },
    ...createCustodyHandlers(core, session),
  };
}
