import type { Core } from '../index';
import { createCustodyHandlers, exitKioskWithPin } from './custodyHandlers';
import type { Handlers } from './gateway';

/** What only the hosting process can do (Electron's app, or the test bridge's stand-in). */
export interface ShellActions {
  exitKiosk(): void;
}

/** The core's side of the contract; the same table serves ipcMain, the test bridge and tests. */
export function createHandlers(core: Core, shell: ShellActions): Handlers {
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
    ...createCustodyHandlers(core),
  };
}
