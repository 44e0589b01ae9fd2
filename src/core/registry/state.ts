/**
 * What the kiosk registers, as one value: the registry tables as the ledger says they must be.
 * Personal fields (names, free text) come from erasable payloads: `null` means the ledger no
 * longer knows them (erased) and they are not compared.
 */
export interface PupilState {
  active: boolean;
  groep: string;
  jaargroep: number | null;
  personal: PupilPersonal | null;
}
export interface PupilPersonal {
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
  externalKey: string | null;
}

export interface DeviceState {
  kind: string;
  ownerPupilId: string;
  active: boolean;
  description: string | null;
}

export interface TagState {
  kind: string;
  canonical: string | null;
  status: 'active' | 'revoked';
  deviceId: string | null;
  pouchId: string | null;
  pupilId: string | null;
}

export interface LocationState {
  kind: string;
  active: boolean;
  /** The group a phone bag belongs to; null for other places and bags made before bags had one. */
  groep: string | null;
  name: string | null;
}

export interface PouchState {
  locationId: string;
  number: number;
  pupilId: string | null;
  /** A retired pouch keeps its number; it is never given out again. */
  active: boolean;
}

export const exemptionReasons = ['medisch', 'onderwijs', 'overig'] as const;

export interface ExemptionState {
  pupilId: string;
  /** null: any device of the pupil. */
  deviceId: string | null;
  validFrom: string;
  validUntil: string;
  agreedBy: string;
  ended: boolean;
  /** The category and the office's optional note ('' when none): health data, so personal (payload). */
  personal: { reason: string; note: string } | null;
}

export interface StaffState {
  role: string;
  active: boolean;
  displayName: string | null;
}

export interface RegistryState {
  pupils: Map<string, PupilState>;
  devices: Map<string, DeviceState>;
  tags: Map<string, TagState>;
  locations: Map<string, LocationState>;
  pouches: Map<string, PouchState>;
  staff: Map<string, StaffState>;
  exemptions: Map<string, ExemptionState>;
}

export type RegistryEntity = keyof RegistryState;

export function emptyRegistry(): RegistryState {
  return { pupils: new Map(), devices: new Map(), tags: new Map(), locations: new Map(), pouches: new Map(), staff: new Map(), exemptions: new Map() };
}

/** A registry event as the fold reads it (a `StoredEvent` fits). */
export interface RegistryEventInput {
  type: string;
  deviceId: string | null;
  pupilId: string | null;
  locationId: string | null;
  pouchId: string | null;
  details: Record<string, unknown>;
  /** The personal part; null when the event has none or it was erased. */
  payload: Record<string, unknown> | null;
  /** It had a payload and that payload was erased. */
  redacted: boolean;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const flag = (v: unknown, otherwise: boolean): boolean => (typeof v === 'boolean' ? v : otherwise);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

/**
 * The personal part after an event: its payload when it has one, unknown when that was erased,
 * and otherwise unchanged (a `*_changed` event repeats names only when they change, so a change
 * of group leaves no second copy of a child's name to erase) or `absent` for a first registration.
 */
function personalAfter<T>(e: RegistryEventInput, parse: (p: Record<string, unknown>) => T | null, prev: T | null | undefined, absent: T | null): T | null {
  if (e.payload) return parse(e.payload);
  if (e.redacted) return null;
  return prev === undefined ? absent : prev;
}

const pupilPersonal = (p: Record<string, unknown>): PupilPersonal | null => {
  const roepnaam = text(p.roepnaam);
  const achternaam = text(p.achternaam);
  if (roepnaam === null || achternaam === null) return null;
  return { roepnaam, voorvoegsel: text(p.voorvoegsel) ?? '', achternaam, externalKey: text(p.externalKey) };
};

const exemptionPersonal = (p: Record<string, unknown>): ExemptionState['personal'] => {
  const reason = text(p.reason);
  return reason === null ? null : { reason, note: text(p.note) ?? '' };
};

/**
 * The registry after one event (updated in place: a replay folds thousands). Every registration event carries the row's whole non-personal
 * state after the change, so the fold is "the last event about a row wins". Total: an event it
 * cannot read (an older shape, a type of another group) leaves the state as it was, and the check
 * then reports the row as differing rather than the fold failing.
 */
export function reduceRegistry(state: RegistryState, e: RegistryEventInput): RegistryState {
  const d = e.details;
  switch (e.type) {
    case 'pupil_registered':
    case 'pupil_changed': {
      if (!e.pupilId) return state;
      const prev = state.pupils.get(e.pupilId);
      state.pupils.set(e.pupilId, {
        active: flag(d.active, prev?.active ?? true),
        groep: text(d.groep) ?? prev?.groep ?? '',
        jaargroep: d.jaargroep === null ? null : (int(d.jaargroep) ?? prev?.jaargroep ?? null),
        personal: personalAfter(e, pupilPersonal, prev?.personal, null),
      });
      return state;
    }
    case 'device_registered':
    case 'device_changed': {
      if (!e.deviceId || !e.pupilId) return state;
      const prev = state.devices.get(e.deviceId);
      state.devices.set(e.deviceId, {
        kind: text(d.kind) ?? prev?.kind ?? '',
        ownerPupilId: e.pupilId,
        active: flag(d.active, prev?.active ?? true),
        description: personalAfter(e, (p) => text(p.description) ?? '', prev?.description, ''),
      });
      return state;
    }
    case 'tag_assigned': {
      const tagId = text(d.tagId);
      const kind = text(d.kind);
      if (!tagId || !kind) return state;
      state.tags.set(tagId, {
        kind,
        // Events written before the registry was chained lack it; the baseline event after them carries it.
        canonical: text(d.canonical),
        status: 'active',
        deviceId: e.deviceId,
        pouchId: e.pouchId,
        // A device tag's event names the owner for the history; the tag itself points at the device.
        pupilId: kind === 'pupil_card' ? e.pupilId : null,
      });
      return state;
    }
    case 'tag_revoked': {
      const tagId = text(d.tagId);
      const prev = tagId ? state.tags.get(tagId) : undefined;
      if (tagId && prev) state.tags.set(tagId, { ...prev, status: 'revoked' });
      return state;
    }
    case 'location_registered': {
      if (!e.locationId) return state;
      const prev = state.locations.get(e.locationId);
      state.locations.set(e.locationId, {
        kind: text(d.kind) ?? prev?.kind ?? '',
        active: flag(d.active, prev?.active ?? true),
        groep: d.groep === undefined ? (prev?.groep ?? null) : text(d.groep),
        name: personalAfter(e, (p) => text(p.name), prev?.name, null),
      });
      return state;
    }
    case 'pouch_assigned': {
      const number = int(d.number);
      if (!e.pouchId || !e.locationId || number === null) return state;
      // Pouches recorded before they could be retired were all in use.
      state.pouches.set(e.pouchId, { locationId: e.locationId, number, pupilId: e.pupilId, active: flag(d.active, true) });
      return state;
    }
    case 'exemption_granted':
    case 'exemption_ended': {
      const exemptionId = text(d.exemptionId);
      const validFrom = text(d.validFrom);
      const validUntil = text(d.validUntil);
      const agreedBy = text(d.agreedBy);
      if (!exemptionId || !e.pupilId || !validFrom || !validUntil || !agreedBy) return state;
      const prev = state.exemptions.get(exemptionId);
      state.exemptions.set(exemptionId, {
        pupilId: e.pupilId,
        deviceId: e.deviceId,
        validFrom,
        validUntil,
        agreedBy,
        ended: e.type === 'exemption_ended',
        personal: personalAfter(e, exemptionPersonal, prev?.personal, null),
      });
      return state;
    }
    case 'staff_changed': {
      const staffId = text(d.staffId);
      if (!staffId) return state;
      const prev = state.staff.get(staffId);
      state.staff.set(staffId, {
        role: text(d.role) ?? prev?.role ?? '',
        active: flag(d.active, prev?.active ?? true),
        displayName: personalAfter(e, (p) => text(p.displayName), prev?.displayName, null),
      });
      return state;
    }
    default:
      return state;
  }
}
