/** What the rotation needs to know of a backup: which one, and when it was taken. */
export interface DatedBackup {
  name: string;
  takenAt: Date;
}

export interface RotationPolicy {
  daily: number;
  weekly: number;
}

export const defaultRotation: RotationPolicy = { daily: 7, weekly: 4 };

/**
 * Which backups to keep: the newest of each of the last `daily` days that have a backup, then the
 * newest of each of the `weekly` ISO weeks before those. Everything else may be deleted.
 */
export function backupsToKeep(files: readonly DatedBackup[], policy: RotationPolicy = defaultRotation): Set<string> {
  const newestFirst = [...files].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  let weekliesKept = 0;
  for (const file of newestFirst) {
    const day = file.takenAt.toISOString().slice(0, 10);
    const week = isoWeek(file.takenAt);
    if (days.has(day)) continue;
    if (days.size < policy.daily) {
      days.add(day);
      weeks.add(week);
      keep.add(file.name);
    } else if (!weeks.has(week) && weekliesKept < policy.weekly) {
      weeks.add(week);
      weekliesKept++;
      keep.add(file.name);
    }
  }
  return keep;
}

/** ISO 8601 week, e.g. "2026-W48": weeks start on Monday, week 1 holds the first Thursday. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
