import { AppError } from '../../shared/errors';
import type { Core } from '../index';
import { readSettings, updateSettings } from '../settings/store';
import { listHidDevices } from '../hid/devices';
import { createFirstAdmin, needsFirstAdmin } from '../services/setup';
import { renameKiosk } from '../kiosk/identity';
import { appendEvent } from '../ledger/append';
import { ledgerWriter, writeTransaction } from '../services/context';
import { createCustodyHandlers, exitKioskWithPin } from './custodyHandlers';
import { createDayHandlers } from './dayHandlers';
import { createDeviceHandlers } from './deviceHandlers';
import { createLabelHandlers } from './labelHandlers';
import { createStaffHandlers } from './staffHandlers';
import { createExportHandlers } from './exportHandlers';
import { createReportHandlers } from './reportHandlers';
import { createExportHistoryHandlers } from './exportHistoryHandlers';
import { createImportHandlers } from './importHandlers';
import { createPouchHandlers } from './pouchHandlers';
import { createExemptionHandlers } from './exemptionHandlers';
import { createBoardHandlers } from './boardHandlers';
import { createPrivacyHandlers } from './privacyHandlers';
import type { ShellActions } from './shellActions';

export type { ShellActions } from './shellActions';
import type { CoreApi } from './gateway';
import { createSession } from './session';
import { healthOf } from './health';
import { resolveCentral } from '../central/connection';

/**
 * The core's side of the contract, with the kiosk session it acts in; the same table serves
 * ipcMain, the test bridge and tests. Access is the gateway's: a handler trusts `actor`.
 */
export function createHandlers(core: Core, shell: ShellActions): CoreApi {
  const session = createSession(core.services);
  const handlers: CoreApi['handlers'] = {
    getKioskInfo() {
      const { kioskId, name, school } = core.kiosk();
      return { kioskId, name, school, appVersion: core.appVersion };
    },
    renameKiosk({ name, school }, { actor }) {
      const ctx = core.services.context;
      writeTransaction(ctx, () => {
        renameKiosk(core.db, name, school);
        appendEvent(ledgerWriter(ctx), { type: 'settings_changed', actor: actor.staffId, details: { keys: ['kioskName'] } });
      });
      const identity = core.kiosk();
      return { kioskId: identity.kioskId, name: identity.name, school: identity.school, appVersion: core.appVersion };
    },
    async listHidDevices() {
      try {
        const devices = await listHidDevices();
        return { devices: devices.map(({ path: _path, usage: _usage, ...d }) => d), error: null };
      } catch (error) {
        // No libusb/hidraw on this PC: the settings screen says so instead of failing.
        return { devices: [], error: (error as Error).message.slice(0, 200) };
      }
    },
    getHealth: () =>
      healthOf(core, shell.rollout, resolveCentral({ db: core.db, env: shell.env ?? process.env, rolloutPath: shell.rollout?.path }) !== null),
    restoreNewestBackup() {
      if (!shell.restoreFromBackup) throw new AppError('NOT_AVAILABLE');
      return { restarting: true as const, lastSeq: shell.restoreFromBackup().lastSeq };
    },
    restoreAfterFailedStart() {
      throw new AppError('NOT_AVAILABLE');
    },
    retryStart: () => ({ opened: true }),
    getSetupState: () => ({ needsFirstAdmin: needsFirstAdmin(core.services.context) }),
    createFirstAdmin({ displayName, pin }) {
      const created = createFirstAdmin(core.services.context, { displayName, pin });
      const admin = session.unlock(created.staffId, pin);
      return { staffId: admin.staffId, displayName: admin.displayName, role: 'admin' as const };
    },
    exitKiosk({ staffId, pin }) {
      if (staffId === undefined) throw new AppError('INVALID_ARGUMENT', { field: 'staffId' });
      return exitKioskWithPin(core, staffId, pin, () => shell.exitKiosk());
    },
    getSettings: () => readSettings(core.db),
    updateSettings({ patch }, { actor }) {
      const next = updateSettings(core.services.context, actor.staffId, patch);
      shell.settingsChanged?.(next);
      return next;
    },
    ...createCustodyHandlers(core, session),
    ...createDayHandlers(core),
    ...createLabelHandlers(core),
    ...createStaffHandlers(core, session),
    ...createImportHandlers(core),
    ...createDeviceHandlers(core, session),
    ...createPouchHandlers(core),
    ...createExemptionHandlers(core),
    ...createExportHandlers(core, shell.push),
    ...createReportHandlers(core),
    ...createPrivacyHandlers(core, shell),
    ...createExportHistoryHandlers(core),
    ...createBoardHandlers(core, {
      env: shell.env ?? process.env,
      rolloutPath: shell.rollout?.path,
      ...(shell.sync ? { sync: shell.sync } : {}),
      ...(shell.chooseSaveFile ? { chooseSaveFile: shell.chooseSaveFile } : {}),
    }),
  };
  return { handlers, session };
}
