import { describe, expect, it } from 'vitest';
import { backupsToKeep, isoWeek, type DatedBackup } from '../../../src/core/backup/rotation';

const nameAt = (iso: string): string => `backup-${new Date(iso).toISOString()}`;
const at = (iso: string): DatedBackup => ({ name: nameAt(iso), takenAt: new Date(iso) });

describe('backup rotation', () => {
  it('keeps one backup for each of the last 7 days, the newest of each day', () => {
    const files: DatedBackup[] = [];
    for (let day = 1; day <= 10; day++) {
      files.push(at(`2026-11-${String(day).padStart(2, '0')}T07:00:00Z`));
      files.push(at(`2026-11-${String(day).padStart(2, '0')}T15:00:00Z`));
    }
    const keep = backupsToKeep(files, { daily: 7, weekly: 0 });
    expect([...keep].sort()).toEqual(
      [4, 5, 6, 7, 8, 9, 10].map((d) => nameAt(`2026-11-${String(d).padStart(2, '0')}T15:00:00Z`)),
    );
  });

  it('keeps 4 weekly backups older than the daily ones: 11 in all after two months of daily backups', () => {
    const files: DatedBackup[] = [];
    for (let i = 0; i < 60; i++) files.push(at(new Date(Date.UTC(2026, 8, 1 + i, 16)).toISOString()));
    const keep = backupsToKeep(files);
    expect(keep.size).toBe(11);
    const kept = files.filter((f) => keep.has(f.name));
    const weeklies = kept.slice(0, 4); // oldest first in `files`
    expect(new Set(weeklies.map((f) => isoWeek(f.takenAt))).size).toBe(4);
    expect(keep.has(files.at(-1)!.name)).toBe(true);
  });

  it('never deletes the only backup', () => {
    const files = [at('2020-01-01T00:00:00Z')];
    expect(backupsToKeep(files).size).toBe(1);
  });

  it('computes ISO weeks across the new year', () => {
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2026-11-24T12:00:00Z'))).toBe('2026-W48');
  });
});
