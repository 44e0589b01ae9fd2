import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRolloutConfig } from '../../../src/core/rollout/read';
import { errorMessages } from '../../../src/shared/errors';
import { tempDir } from '../../support/tempDb';

describe('reading the roll-out file', () => {
  let tmp: ReturnType<typeof tempDir>;
  let path: string;
  const read = (text: string) => {
    writeFileSync(path, text);
    return readRolloutConfig(path);
  };
  const fields = (text: string) => {
    const result = read(text);
    return result.kind === 'invalid' ? result.issues.map((i) => `${i.field}: ${i.message.en}`) : result.kind;
  };

  beforeEach(() => {
    tmp = tempDir();
    path = join(tmp.dir, 'config.json');
  });
  afterEach(() => tmp.cleanup());

  it('a missing file means there is nothing to do', () => {
    expect(readRolloutConfig(path)).toEqual({ kind: 'missing', path });
  });

  it('accepts a file saved by Notepad, with a byte-order mark', () => {
    expect(read('\uFEFF{ "version": 1, "kioskName": "Lokaal 3" }')).toMatchObject({ kind: 'valid', config: { kioskName: 'Lokaal 3' } });
  });

  it('refuses with ROLLOUT_CONFIG_INVALID in Dutch and English, naming the field', () => {
    const result = read('{ "version": 1, "wedge": { "maxGapMs": "fast", "maxAvgGapMs": 25, "minLength": 4, "suffix": "enter", "prefix": "", "nfcProfile": null } }');
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.error.toData()).toEqual({
      code: 'ROLLOUT_CONFIG_INVALID',
      message: errorMessages.ROLLOUT_CONFIG_INVALID,
      details: { path, issues: [{ field: 'wedge.maxGapMs', message: { nl: 'verwacht een getal', en: 'expected number' } }] },
    });
  });

  it('says which keys are unknown, at any depth, and which are missing', () => {
    expect(fields('{ "version": 1, "kioskNaam": "x", "sound": { "enabled": true, "volum": 0.5 } }')).toEqual([
      'sound.volume: required',
      'sound.volum: unknown key (a typo?)',
      'kioskNaam: unknown key (a typo?)',
    ]);
    expect(fields('{ "kioskName": "x" }')).toEqual(['version: required']);
    expect(fields(`{ "version": 1, "kioskName": "${'x'.repeat(61)}" }`)).toEqual(['kioskName: at most 60 characters']);
  });

  it('explains values out of range or of the wrong form without repeating them', () => {
    expect(fields('{ "version": 2, "language": "de", "returnModeAt": "2:30", "groups": ["7A", ""], "sound": { "enabled": true, "volume": 2 } }')).toEqual([
      'version: expected 1',
      'language: expected one of "nl" | "en"',
      'groups.1: must not be empty',
      'returnModeAt: expected the form HH:MM',
      'sound.volume: at most 1',
    ]);
  });

  it('reserves a central section holding only a PostgreSQL address', () => {
    expect(read('{ "version": 1, "central": { "url": "postgresql://db.bestuur.nl/inleverpunt" } }').kind).toBe('valid');
    expect(fields('{ "version": 1, "central": { "url": "https://db.bestuur.nl" } }')).toEqual(['central.url: expected the form postgres://…']);
    expect(fields('{ "version": 1, "central": { "url": "postgres://x", "sync": true } }')).toEqual(['central.sync: unknown key (a typo?)']);
  });

  it('points at the line of a JSON syntax error', () => {
    expect(fields('{\n  "version": 1,\n}')).toEqual([expect.stringMatching(/^: not valid JSON \(line 3, column 1\)$/)]);
    expect(fields('[]')).toEqual([': expected object { … }']);
  });

  it('a file that cannot be read is a problem, not a missing file', () => {
    mkdirSync(path);
    expect(readRolloutConfig(path)).toMatchObject({ kind: 'invalid', issues: [{ field: '', message: { en: 'the file cannot be read (EISDIR)' } }] });
  });
});
