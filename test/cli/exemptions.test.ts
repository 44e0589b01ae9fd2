import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/core';
import { readEvents } from '../../src/core/ledger/readModel';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

describe('exemptions and phone bags from the command line', () => {
  let tmp: ReturnType<typeof tempDir>;
  let pupilId: string;
  let deviceId: string;
  let db: string[];
  beforeEach(() => {
    tmp = tempDir();
    db = ['--db', tmp.dbPath];
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    const s = core.services;
    s.createStaff({ displayName: 'Meester Directeur', role: 'admin', pin: '999999', actor: 'system' });
    pupilId = s.createPupil({ roepnaam: 'Noor', achternaam: 'Jansen', groep: '6B', jaargroep: 6, externalKey: 'K1' }, 'system').pupilId;
    s.createPupil({ roepnaam: 'Bo', achternaam: 'Akkerman', groep: '6B', jaargroep: 6, externalKey: 'K2' }, 'system');
    deviceId = s.createDevice({ ownerPupilId: pupilId, kind: 'smartphone', description: 'blauw hoesje' }, 'system').deviceId;
    core.close();
  });
  afterEach(() => tmp.cleanup());

  // The CLI runs on the real clock: one period around any date this code will see, one long past.
  it('adds an exemption agreed by a named staff member, lists it, ends it early', async () => {
    const added = await cli([
      'exemptions', 'add', '--pupil', pupilId, '--device', deviceId, '--reason', 'medisch',
      '--from', '2000-01-01', '--until', '2099-12-31', '--agreed-by', 'meester directeur', ...db, '--json',
    ]);
    expect(added.code).toBe(0);
    const exemption = JSON.parse(added.stdout) as { exemptionId: string; status: string; agreedByName: string };
    expect(exemption).toMatchObject({ status: 'active', agreedByName: 'Meester Directeur' });
    await cli(['exemptions', 'add', '--pupil', pupilId, '--reason', 'onderwijs', '--from', '2001-01-01', '--until', '2001-01-02', '--agreed-by', 'Meester Directeur', ...db]);

    const listed = await cli(['exemptions', 'list', ...db]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${exemption.exemptionId}\\s+active\\s+medisch\\s+2000-01-01\\.\\.2099-12-31\\s+6B\\s+Noor Jansen\\s+smartphone$`));
    expect(lines[1]).toMatch(/expired\s+onderwijs\s+2001-01-01\.\.2001-01-02\s+6B\s+Noor Jansen\s+any device$/);

    const ended = await cli(['exemptions', 'end', exemption.exemptionId, ...db]);
    expect(ended).toMatchObject({ code: 0 });
    expect((await cli(['exemptions', 'end', exemption.exemptionId, ...db])).code).toBe(1);
    expect((await cli(['exemptions', 'list', ...db])).stdout).toMatch(new RegExp(`${exemption.exemptionId}\\s+ended`));

    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    try {
      expect(core.problem).toBeNull();
      expect(readEvents(core.db, { types: ['exemption_granted', 'exemption_ended'] }).events.map((e) => e.type)).toEqual([
        'exemption_ended',
        'exemption_granted',
        'exemption_granted',
      ]);
    } finally {
      core.close();
    }
  });

  it('refuses an unknown category, a missing date or an unknown staff member', async () => {
    const base = ['exemptions', 'add', '--pupil', pupilId, '--from', '2025-09-01', '--until', '2025-09-05', ...db];
    expect((await cli([...base, '--reason', 'diabetes', '--agreed-by', 'Meester Directeur'])).code).toBe(2);
    expect((await cli(['exemptions', 'add', '--pupil', pupilId, '--reason', 'overig', '--agreed-by', 'Meester Directeur', ...db])).code).toBe(2);
    const unknown = await cli([...base, '--reason', 'overig', '--agreed-by', 'Juf Niemand']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/\w/);
  });

  it("makes a group's bag, gives its pupils pouches in name order and lists them", async () => {
    const made = await cli(['pouches', 'create', '--groep', '6B', '--count', '3', ...db]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('without a pouch: Bo Akkerman, Noor Jansen');
    const assigned = await cli(['pouches', 'assign', '--groep', '6B', ...db]);
    expect(assigned.stdout).toMatch(/^\s+1\s+\S+\s+Bo Akkerman$/m);
    expect(assigned.stdout).toMatch(/^\s+2\s+\S+\s+Noor Jansen$/m);
    const listed = await cli(['pouches', 'list', '--groep', '6B', ...db, '--json']);
    const { bags } = JSON.parse(listed.stdout) as { bags: { pouches: { number: number; code: string | null }[] }[] };
    expect(bags[0]!.pouches.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(bags[0]!.pouches.every((p) => p.code !== null)).toBe(true);
    expect((await cli(['pouches', 'assign', '--groep', '7A', ...db])).code).toBe(1);
  });
});
