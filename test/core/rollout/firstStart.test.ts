import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { createGateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { applyRolloutAtStart, rolloutLogLine } from '../../../src/core/rollout/startup';
import { createFirstAdmin } from '../../../src/core/services/setup';
import { readSettings, updateSettings } from '../../../src/core/settings/store';
import { defaultSettings } from '../../../src/shared/contract/settings';
import { tempDir } from '../../support/tempDb';
import { fakeClock, TEST_PIN_COST } from '../support/custodyFixture';

const classroom = {
  version: 1,
  kioskName: 'Groep 7 — lokaal 12',
  school: 'OBS De Regenboog',
  groups: ['7A', '7B'],
  returnModeAt: '14:30',
  wedge: { maxGapMs: 40, maxAvgGapMs: 20, minLength: 6, suffix: 'enter', prefix: '', nfcProfile: 'hex-reversed' },
  hid: null,
};

describe('the roll-out file at the first start of a kiosk', () => {
  let tmp: ReturnType<typeof tempDir>;
  let configPath: string;
  const clock = fakeClock('2025-08-25T06:30:00.000Z');
  const open = () => openCore({ dbPath: tmp.dbPath, appVersion: 'test', now: clock.now, pinCost: TEST_PIN_COST });
  const settingsEvents = (core: Core) =>
    core.services.listEvents({ limit: 500 }).events.filter((e) => e.type === 'settings_changed');
  const startWith = (content: unknown) => {
    writeFileSync(configPath, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    const core = open();
    return { core, outcome: applyRolloutAtStart(core, configPath) };
  };

  beforeEach(() => {
    tmp = tempDir();
    configPath = join(tmp.dir, 'config.json');
  });
  afterEach(() => tmp.cleanup());

  it('sets the kiosk name, school, groups and scanner, recorded as one settings change by the system', () => {
    const { core, outcome } = startWith(classroom);
    try {
      expect(outcome).toEqual({
        status: 'applied',
        path: configPath,
        keys: ['groups', 'returnModeAt', 'wedge', 'kioskName'],
      });
      expect(core.kiosk()).toMatchObject({ name: 'Groep 7 — lokaal 12', school: 'OBS De Regenboog' });
      const settings = readSettings(core.db);
      expect(settings).toMatchObject({ groups: ['7A', '7B'], returnModeAt: '14:30', hid: null });
      expect(settings.wedge).toEqual(classroom.wedge);
      expect(settings.endOfDayAt).toBe(defaultSettings.endOfDayAt);
      expect(settingsEvents(core)).toEqual([
        expect.objectContaining({
          actor: 'system',
          occurredAt: '2025-08-25T06:30:00.000Z',
          details: { keys: ['groups', 'returnModeAt', 'wedge', 'kioskName'], source: 'rollout-file' },
        }),
      ]);
      expect(verifyLedger(core.db)).toMatchObject({ ok: true });
    } finally {
      core.close();
    }
  });

  it('is not applied again at the next start, so a change made on the kiosk stays', () => {
    const first = startWith(classroom);
    const admin = createFirstAdmin(first.core.services.context, { displayName: 'Meester Kees', pin: '482731' });
    updateSettings(first.core.services.context, admin.staffId, { returnModeAt: '15:00' });
    first.core.close();

    const second = open();
    try {
      expect(applyRolloutAtStart(second, configPath)).toEqual({ status: 'already-configured', path: configPath });
      expect(readSettings(second.db).returnModeAt).toBe('15:00');
      expect(settingsEvents(second)).toHaveLength(2);
    } finally {
      second.close();
    }
  });

  it('is recorded even when it matches the defaults, so it counts as done', () => {
    const { core, outcome } = startWith({ version: 1, language: 'nl' });
    try {
      expect(outcome).toMatchObject({ status: 'applied', keys: [] });
      expect(settingsEvents(core)).toHaveLength(1);
      expect(applyRolloutAtStart(core, configPath).status).toBe('already-configured');
    } finally {
      core.close();
    }
  });

  it('is left alone on a kiosk whose administrator already set it up by hand', () => {
    const core = open();
    try {
      const admin = createFirstAdmin(core.services.context, { displayName: 'Meester Kees', pin: '482731' });
      updateSettings(core.services.context, admin.staffId, { groups: ['5A'] });
      writeFileSync(configPath, JSON.stringify(classroom));
      expect(applyRolloutAtStart(core, configPath).status).toBe('already-configured');
      expect(readSettings(core.db).groups).toEqual(['5A']);
    } finally {
      core.close();
    }
  });

  it('a bad file names the field, changes nothing, and is applied once it is fixed', () => {
    const bad = { ...classroom, wedge: { ...classroom.wedge, maxGapMs: 'fast' } };
    const { core, outcome } = startWith(bad);
    const nameBefore = core.kiosk().name;
    try {
      expect(outcome).toEqual({
        status: 'invalid',
        path: configPath,
        issues: [{ field: 'wedge.maxGapMs', message: { nl: 'verwacht een getal', en: 'expected number' } }],
      });
      expect(rolloutLogLine(outcome)).toContain('wedge.maxGapMs: expected number');
      expect(readSettings(core.db)).toEqual(defaultSettings);
      expect(core.kiosk().name).toBe(nameBefore);
      expect(settingsEvents(core)).toEqual([]);
    } finally {
      core.close();
    }
    const fixed = startWith(classroom);
    try {
      expect(fixed.outcome.status).toBe('applied');
    } finally {
      fixed.core.close();
    }
  });

  it('refuses a misspelt key instead of ignoring it', () => {
    const { kioskName, ...rest } = classroom;
    const { core, outcome } = startWith({ ...rest, kioskNaam: kioskName });
    try {
      expect(outcome).toMatchObject({ status: 'invalid', issues: [{ field: 'kioskNaam', message: { en: 'unknown key (a typo?)' } }] });
      expect(readSettings(core.db)).toEqual(defaultSettings);
    } finally {
      core.close();
    }
  });

  it('without a file the kiosk starts on its defaults, and a file put there later still counts', () => {
    const core = open();
    try {
      expect(applyRolloutAtStart(core, configPath)).toEqual({ status: 'no-file', path: configPath });
      expect(settingsEvents(core)).toEqual([]);
      writeFileSync(configPath, JSON.stringify(classroom));
      expect(applyRolloutAtStart(core, configPath).status).toBe('applied');
    } finally {
      core.close();
    }
  });

  it('tells the screen what happened through the start-up health', async () => {
    const { core, outcome } = startWith('{ "version": 1, ');
    try {
      const gateway = createGateway(createHandlers(core, { exitKiosk: () => undefined, rollout: outcome }));
      expect(await gateway.invoke('getHealth', {})).toMatchObject({
        ok: true,
        value: { writable: true, rollout: { status: 'invalid', issues: [{ field: '', message: { en: expect.stringMatching(/^not valid JSON/) } }] } },
      });
    } finally {
      core.close();
    }
  });
});
