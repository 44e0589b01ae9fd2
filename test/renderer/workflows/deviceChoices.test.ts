import { describe, expect, it } from 'vitest';
import { matchesSearch, mergeDeviceChoices, pupilFullName } from '../../../src/renderer/components/deviceChoices';
import type { CustodyListItem } from '../../../src/shared/contract';

const pupils = [
  { pupilId: 'p1', roepnaam: 'Daan', voorvoegsel: 'van', achternaam: 'Dijk', jaargroep: 7, groep: '7A' },
  { pupilId: 'p2', roepnaam: 'Emma', voorvoegsel: '', achternaam: 'Bakker', jaargroep: 6, groep: '6B' },
];
const devices = [
  { deviceId: 'd1', kind: 'smartphone' as const, description: 'iPhone 12 zwart', ownerPupilId: 'p1' },
  { deviceId: 'd2', kind: 'smartwatch' as const, description: 'Garmin roze', ownerPupilId: 'p2' },
  { deviceId: 'd3', kind: 'smartphone' as const, description: 'Samsung A52', ownerPupilId: 'p1' },
];
const held = (deviceId: string, extra: Partial<CustodyListItem> = {}): CustodyListItem => ({
  deviceId,
  deviceKind: 'smartphone',
  description: '',
  pupil: null,
  held: true,
  since: '2025-09-01T07:50:00.000Z',
  custodian: 'staff:x',
  locationId: null,
  locationName: 'Telefoontas 7A',
  pouchNumber: 12,
  confiscatedSeq: null,
  reportedMissing: null,
  lastSeq: 5,
  ...extra,
});

describe('the devices a teacher can pick for a workflow', () => {
  it('lists every registered device, also one that was never handed in, with its owner', () => {
    const choices = mergeDeviceChoices(devices, pupils, [held('d1')]);
    expect(choices).toHaveLength(3);
    const iphone = choices.find((c) => c.deviceId === 'd1')!;
    expect(iphone).toMatchObject({ held: true, pouchNumber: 12, pupil: { roepnaam: 'Daan', groep: '7A' } });
    expect(choices.find((c) => c.deviceId === 'd3')).toMatchObject({ held: false, pouchNumber: null, confiscatedSeq: null });
  });

  it('sorts by group, then first name, then description', () => {
    const choices = mergeDeviceChoices(devices, pupils, []);
    expect(choices.map((c) => c.description)).toEqual(['Garmin roze', 'iPhone 12 zwart', 'Samsung A52']);
  });

  it('a returned device (custody row no longer held) shows no pouch and no open confiscation', () => {
    const [choice] = mergeDeviceChoices([devices[0]!], pupils, [held('d1', { held: false, confiscatedSeq: 9 })]);
    expect(choice).toMatchObject({ held: false, confiscatedSeq: null, pouchNumber: null, locationName: null });
  });

  it('marks a held confiscated device with the event that confiscated it', () => {
    const [choice] = mergeDeviceChoices([devices[0]!], pupils, [held('d1', { confiscatedSeq: 42, pouchNumber: null })]);
    expect(choice?.confiscatedSeq).toBe(42);
  });

  it('finds a device by any part of the full name, the group or the description, ignoring case', () => {
    const [daan] = mergeDeviceChoices([devices[0]!], pupils, []);
    expect(pupilFullName(daan!.pupil)).toBe('Daan van Dijk');
    expect(matchesSearch(daan!, '')).toBe(true);
    expect(matchesSearch(daan!, 'daan DIJK')).toBe(true);
    expect(matchesSearch(daan!, '7a iphone')).toBe(true);
    expect(matchesSearch(daan!, 'emma')).toBe(false);
  });
});
