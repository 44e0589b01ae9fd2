import { seedDemoSchool, type DemoSchool } from '../../../src/core/demo/seed';
import { renameKiosk } from '../../../src/core/kiosk/identity';
import { updateSettings } from '../../../src/core/settings/store';
import type { SettingsPatch } from '../../../src/shared/contract/settings';
import { startBridge, type Bridge, type BridgeOptions } from '../../bridge/server';
import { createTestClock, type TestClock } from '../../bridge/testClock';
import { TEST_PIN_COST } from '../../core/support/custodyFixture';
import { schoolMorning } from './schoolTime';
import { testWedge } from './wedge';

export type TestBridge = Bridge<TestClock>;

export interface DemoBridge {
  bridge: TestBridge;
  demo: DemoSchool;
}

export interface DemoBridgeOptions {
  /** Settings changed by the demo's administrator before the page opens. */
  settings?: SettingsPatch;
  kiosk?: { name: string; school?: string };
  /** Where the core's clock starts; default the school morning (08:15). */
  time?: Date;
  /** The demo's two weeks of school days before that moment (default none: nothing held, no habits). */
  history?: boolean;
  /** The kiosk's automatic sync to the central database, as the main process runs it. */
  autoSync?: BridgeOptions['autoSync'];
}

/**
 * The real core behind the test bridge with the demo school, without history unless asked: nothing is held
 * yet, so every test can hand in whatever it likes. PINs are hashed cheaply (same logic), and the
 * keyboard wedge has the test kiosk's thresholds.
 */
export async function startDemoBridge(options: DemoBridgeOptions = {}): Promise<DemoBridge> {
  let demo: DemoSchool | undefined;
  const bridge = await startBridge({
    clock: createTestClock(options.time ?? schoolMorning()),
    pinCost: TEST_PIN_COST,
    ...(options.autoSync ? { autoSync: options.autoSync } : {}),
    seed: (core) => {
      demo = seedDemoSchool(core, { history: options.history ?? false });
      updateSettings(core.services.context, demo.staff.admin.staffId, { wedge: testWedge, ...options.settings });
      if (options.kiosk) renameKiosk(core.db, options.kiosk.name, options.kiosk.school);
    },
  });
  if (!demo) throw new Error('demo school not seeded');
  return { bridge, demo };
}
