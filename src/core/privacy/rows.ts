import { eventTypeLabels } from '../../shared/contract/eventLabels';
import type { SubjectAccess } from './collect';

/** One line of the subject-access document, the same for the CSV and the PDF. */
export interface SubjectRow {
  section: 'pupil' | 'device' | 'tag' | 'pouch' | 'event';
  seq: number | null;
  time: string | null;
  kind: string;
  deviceId: string | null;
  details: string;
  personal: string;
}

export const sectionTitles: Record<SubjectRow['section'], string> = {
  pupil: 'Leerling / Pupil',
  device: 'Apparaat / Device',
  tag: 'Sticker of tag / Tag',
  pouch: 'Vak / Pouch',
  event: 'Gebeurtenis / Event',
};

export const ERASED = '(gewist / erased)';

/** Non-personal details as "key: value" pairs, readable for a parent rather than raw JSON. */
function describe(value: Record<string, unknown>): string {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

export function subjectRows(data: SubjectAccess): SubjectRow[] {
  const p = data.pupil;
  const row = (r: Partial<SubjectRow> & Pick<SubjectRow, 'section' | 'kind'>): SubjectRow => ({
    seq: null,
    time: null,
    deviceId: null,
    details: '',
    personal: '',
    ...r,
  });
  return [
    row({ section: 'pupil', kind: 'id', details: p.pupilId }),
    row({ section: 'pupil', kind: 'roepnaam', personal: p.roepnaam }),
    row({ section: 'pupil', kind: 'voorvoegsel', personal: p.voorvoegsel }),
    row({ section: 'pupil', kind: 'achternaam', personal: p.achternaam }),
    row({ section: 'pupil', kind: 'groep / group', details: p.groep }),
    row({ section: 'pupil', kind: 'jaargroep / year', details: p.jaargroep === null ? '' : String(p.jaargroep) }),
    row({ section: 'pupil', kind: 'actief / active', details: p.active ? 'ja / yes' : 'nee / no' }),
    row({ section: 'pupil', kind: 'sleutel administratie / administration key', personal: p.externalKey ?? '' }),
    ...data.devices.map((d) =>
      row({ section: 'device', kind: d.kind, deviceId: d.deviceId, details: d.active ? 'actief / active' : 'inactief / inactive', personal: d.description }),
    ),
    ...data.tags.map((t) => row({ section: 'tag', kind: t.kind, deviceId: t.deviceId, details: `code: ${t.code}; status: ${t.status}` })),
    ...data.pouches.map((v) => row({ section: 'pouch', kind: String(v.number), details: v.location })),
    ...data.events.map((e) =>
      row({
        section: 'event',
        seq: e.seq,
        time: e.occurredAt,
        kind: `${eventTypeLabels.nl[e.type]} / ${eventTypeLabels.en[e.type]}`,
        deviceId: e.deviceId,
        details: describe({ actor: e.actor, custodian: e.custodian, ...e.details, voidedBy: e.voidedBySeq }),
        personal: e.redacted ? ERASED : e.payload ? describe(e.payload) : '',
      }),
    ),
  ];
}
