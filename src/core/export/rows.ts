import { eventTypeLabels } from '../../shared/contract/eventLabels';
import type { EventRecord, StoredEvent } from '../ledger/readModel';
import type { ServiceContext } from '../services/context';
import { prepared } from '../db/statements';
import type { ExportLanguage, ExportRow } from './columns';

/**
 * What a row is made of: a read-model event (its payload parsed) or an export's record (its
 * payload text as stored, parsed only when there is one, and its hash).
 */
export type RowSource = Pick<
  StoredEvent,
  'kioskId' | 'seq' | 'occurredAt' | 'type' | 'actor' | 'custodian' | 'deviceId' | 'pupilId' | 'locationId' | 'pouchId' | 'voidsSeq' | 'voidedBySeq'
> & { payload?: Record<string, unknown> | null; body?: string | null; hash?: string };

interface PupilNames {
  name: string;
  groep: string;
}

/**
 * Turns events into rows with names: the registry is read once per export (a school's pupils,
 * devices, staff and places fit in memory many times over), then every page is resolved from
 * maps. A pupil's name comes from the pupil list, which retention empties for pupils who left:
 * their rows then show the group only.
 */
export function rowResolver(ctx: ServiceContext, language: ExportLanguage): (e: RowSource) => ExportRow {
  const n = registryNames(ctx, language);
  return (e) => n.row(e.kioskId, e.seq, e.occurredAt, e.type, e.actor, e.custodian, e.pupilId, e.deviceId, e.locationId, e.pouchId, noteOf(e), e.voidsSeq, e.voidedBySeq, e.hash ?? '');
}

/** The same rows from an export's records (arrays as SQLite returns them, see EventRecord). */
export function recordResolver(ctx: ServiceContext, language: ExportLanguage): (r: EventRecord) => ExportRow {
  const n = registryNames(ctx, language);
  return (r) => n.row(r[0], r[1], r[3], r[2], r[4], r[5], r[7], r[6], r[8], r[9], r[12] ? bodyNote(JSON.parse(r[12]) as Record<string, unknown>) : '', r[10], r[11], r[13]);
}

function registryNames(ctx: ServiceContext, language: ExportLanguage) {
  const pupils = new Map(
    prepared<{ pupil_id: string; roepnaam: string; voorvoegsel: string; achternaam: string; groep: string }>(
      ctx.db,
      'SELECT pupil_id, roepnaam, voorvoegsel, achternaam, groep FROM pupils',
    )
      .all()
      .map((p): [string, PupilNames] => [
        p.pupil_id,
        { name: [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' '), groep: p.groep },
      ]),
  );
  // Every row, active or not: an export covers the history of people and things gone since.
  const pairs = (sql: string) => new Map(prepared<{ id: string; label: string }>(ctx.db, sql).all().map((r) => [r.id, r.label]));
  const devices = pairs("SELECT device_id AS id, kind || ': ' || description AS label FROM devices");
  const staff = pairs('SELECT staff_id AS id, display_name AS label FROM staff');
  const places = pairs('SELECT location_id AS id, name AS label FROM locations');
  const pouches = new Map(
    prepared<{ pouch_id: string; number: number }>(ctx.db, 'SELECT pouch_id, number FROM pouches')
      .all()
      .map((p) => [p.pouch_id, String(p.number)]),
  );
  const labels = eventTypeLabels[language];
  const who = (actor: string) => (actor === 'pupil' ? (language === 'nl' ? 'leerling' : 'pupil') : (staff.get(actor) ?? actor));
  const held = (custodian: string | null) => {
    if (!custodian) return '';
    const [kind, id] = custodian.split(':');
    if (kind === 'staff' && id) return staff.get(id) ?? custodian;
    if (kind === 'location' && id) return places.get(id) ?? custodian;
    return custodian;
  };
  return {
    row(
      kioskId: string,
      seq: number,
      occurredAt: string,
      type: StoredEvent['type'],
      actor: string,
      custodian: string | null,
      pupilId: string | null,
      deviceId: string | null,
      locationId: string | null,
      pouchId: string | null,
      note: string,
      voids: number | null,
      voidedBy: number | null,
      hash: string,
    ): ExportRow {
      const pupil = pupilId ? pupils.get(pupilId) : undefined;
      return {
        seq,
        occurredAt,
        type: labels[type],
        actor: who(actor),
        custodian: held(custodian),
        pupil: pupil?.name ?? '',
        groep: pupil?.groep ?? '',
        device: deviceId ? (devices.get(deviceId) ?? '') : '',
        location: locationId ? (places.get(locationId) ?? '') : '',
        pouch: pouchId ? (pouches.get(pouchId) ?? '') : '',
        note,
        voids,
        voidedBy,
        kioskId,
        hash,
      };
    },
  };
}

/** The event's free text, if its payload still holds one (erased payloads export as empty). */
function noteOf(e: RowSource): string {
  return bodyNote(e.payload ?? (e.body ? (JSON.parse(e.body) as Record<string, unknown>) : {}));
}

function bodyNote(payload: Record<string, unknown>): string {
  const parts = ['note', 'reason', 'guardianName', 'description'].map((k) => payload[k]).filter((v): v is string => typeof v === 'string');
  return parts.join(' — ');
}
