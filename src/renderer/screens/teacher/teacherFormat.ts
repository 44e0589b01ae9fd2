import type { TFunction } from 'i18next';
import type { EventType, LocationItem, StaffSummary } from '../../../shared/contract';
import { nl } from '../../i18n/locales/nl';

/** How the teacher screens name people, devices, places and moments. */

export interface PersonName {
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
}

/** "Daan van Dijk": staff screens show the full name (the door shows only the first name). */
export function pupilName(p: PersonName | null | undefined, t: TFunction): string {
  if (!p) return t('teacher.ledger.unknownPupil');
  return [p.roepnaam, p.voorvoegsel, p.achternaam].filter((part) => part.trim() !== '').join(' ');
}

type DeviceKindKey = keyof typeof nl.teacher.ledger.kinds;
type MarkKey = keyof typeof nl.teacher.ledger.marks;

const isKey = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

/** Every event type has a label in each language (the locale files are checked against the vocabulary). */
export function eventTypeLabel(type: EventType, t: TFunction): string {
  return t(`teacher.ledger.types.${type}`);
}

/** "Telefoon (iPhone 12, blauw hoesje)". */
export function deviceLabel(kind: string, description: string, t: TFunction): string {
  const key: DeviceKindKey = isKey(nl.teacher.ledger.kinds, kind) ? kind : 'other';
  const name = t(`teacher.ledger.kinds.${key}`);
  return description.trim() ? `${name} (${description.trim()})` : name;
}

export function markLabel(mark: string, t: TFunction): string {
  const key: MarkKey = isKey(nl.teacher.ledger.marks, mark) ? mark : 'other';
  return t(`teacher.ledger.marks.${key}`);
}

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** "08:21" today, "wo 8 okt 08:21" on another day. */
export function formatTime(iso: string, language: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
  if (sameDay(at, now)) return time;
  return `${at.toLocaleDateString(language, { weekday: 'short', day: 'numeric', month: 'short' })} ${time}`;
}

/** Whether the wall clock is at or past "HH:MM" today. */
export function isPast(clock: string, now: Date = new Date()): boolean {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return now.getHours() * 60 + now.getMinutes() >= h * 60 + m;
}

export interface Directory {
  staff: Map<string, StaffSummary>;
  locations: Map<string, LocationItem>;
}

export const emptyDirectory: Directory = { staff: new Map(), locations: new Map() };

/** "bij Juf Anna", "in Kluis administratie": who or what holds a device after an event. */
export function custodianLabel(custodian: string | null, dir: Directory, t: TFunction): string {
  if (!custodian) return t('teacher.ledger.custodian.unknown');
  const [kind, id = ''] = custodian.split(':');
  if (kind === 'staff') return t('teacher.ledger.custodian.staff', { name: dir.staff.get(id)?.displayName ?? '?' });
  if (kind === 'location') return t('teacher.ledger.custodian.location', { name: dir.locations.get(id)?.name ?? '?' });
  if (kind === 'school' || kind === 'pupil' || kind === 'guardian') return t(`teacher.ledger.custodian.${kind}`);
  return t('teacher.ledger.custodian.unknown');
}

/** Who did it: a staff member's name, "leerling" at the door, or "systeem". */
export function actorLabel(actor: string, dir: Directory, t: TFunction): string {
  if (actor === 'pupil') return t('teacher.ledger.pupil');
  if (actor === 'system') return t('teacher.ledger.system');
  return dir.staff.get(actor)?.displayName ?? '?';
}
