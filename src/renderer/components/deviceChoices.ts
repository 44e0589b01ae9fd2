import type { CustodyListItem, MethodResult } from '../../shared/contract';

type DeviceItem = MethodResult<'listDevices'>['devices'][number];
type PupilItem = MethodResult<'listPupils'>['pupils'][number];

/** One device as the teacher's workflows show it: whose it is and where it is now. */
export interface DeviceChoice {
  deviceId: string;
  kind: DeviceItem['kind'];
  description: string;
  pupil: { roepnaam: string; voorvoegsel: string; achternaam: string; groep: string } | null;
  held: boolean;
  /** The open confiscation's event, when the device is held as a sanction. */
  confiscatedSeq: number | null;
  locationName: string | null;
  pouchNumber: number | null;
  /** Reported lost or stolen since its hand-in: held on paper, not in hand. */
  reportedMissing: CustodyListItem['reportedMissing'];
}

/**
 * Every registered device with its owner and its custody state. A device that was never handed in
 * has no custody row, so the device list (not the custody list) is the base: a teacher may take
 * a phone into custody straight out of a pupil's hand.
 */
export function mergeDeviceChoices(
  devices: readonly DeviceItem[],
  pupils: readonly PupilItem[],
  custody: readonly CustodyListItem[],
): DeviceChoice[] {
  const pupilById = new Map(pupils.map((p) => [p.pupilId, p]));
  const custodyById = new Map(custody.map((c) => [c.deviceId, c]));
  return devices
    .map((d): DeviceChoice => {
      const p = pupilById.get(d.ownerPupilId);
      const c = custodyById.get(d.deviceId);
      return {
        deviceId: d.deviceId,
        kind: d.kind,
        description: d.description,
        pupil: p ? { roepnaam: p.roepnaam, voorvoegsel: p.voorvoegsel, achternaam: p.achternaam, groep: p.groep } : null,
        held: c?.held ?? false,
        confiscatedSeq: c?.held ? c.confiscatedSeq : null,
        locationName: c?.held ? c.locationName : null,
        pouchNumber: c?.held ? c.pouchNumber : null,
        reportedMissing: c?.held ? c.reportedMissing : null,
      };
    })
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b), 'nl'));
}

const sortKey = (c: DeviceChoice) =>
  c.pupil ? `${c.pupil.groep}\u0000${c.pupil.roepnaam}\u0000${c.pupil.achternaam}\u0000${c.description}` : `\uffff${c.description}`;

/** "Daan van Dijk": the full name, for staff screens only. */
export function pupilFullName(pupil: DeviceChoice['pupil']): string {
  if (!pupil) return '';
  return [pupil.roepnaam, pupil.voorvoegsel, pupil.achternaam].filter((part) => part.trim() !== '').join(' ');
}

/** Every word typed must occur in the pupil's name, group or the device's description. */
export function matchesSearch(choice: DeviceChoice, query: string): boolean {
  const words = query.toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${pupilFullName(choice.pupil)} ${choice.pupil?.groep ?? ''} ${choice.description}`.toLocaleLowerCase('nl');
  return words.every((w) => haystack.includes(w));
}
