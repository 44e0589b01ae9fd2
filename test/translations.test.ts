import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../src/renderer/i18n/locales/en';
import { nl } from '../src/renderer/i18n/locales/nl';
import { errorMessages } from '../src/shared/errors';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('Dutch and English have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it('no text is empty or left untranslated placeholder-wise', () => {
    const flatNl = Object.fromEntries(keys(nl).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], nl)]));
    const flatEn = Object.fromEntries(keys(en).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en)]));
    for (const k of Object.keys(flatNl)) {
      expect(String(flatNl[k]).trim(), k).not.toBe('');
      expect(String(flatEn[k]).trim(), k).not.toBe('');
      const vars = (s: unknown) => (String(s).match(/{{\w+}}/g) ?? []).sort();
      expect(vars(flatEn[k]), k).toEqual(vars(flatNl[k]));
    }
  });

  it('a text that counts something says "1 gebeurtenis", not "1 gebeurtenissen": it has a singular and a plural form', () => {
    // Texts where the number stands next to no noun read right for any count.
    const countNeutral = new Set([
      'teacher.dashboard.shown', 'teacher.dashboard.missing.more', 'teacher.dashboard.endOfDayDue',
      'office.import.preview.more', 'office.stickers.perPage',
    ]);
    for (const [name, locale] of [['nl', nl], ['en', en]] as const) {
      const counting = keys(locale).filter((k) => String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], locale)).includes('{{count}}'));
      const withoutForms = counting.filter((k) => !/_(one|other)$/.test(k) && !countNeutral.has(k));
      expect(withoutForms, name).toEqual([]);
      const plural = new Set(counting.filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length)));
      const singular = new Set(counting.filter((k) => k.endsWith('_one')).map((k) => k.slice(0, -'_one'.length)));
      expect([...plural].filter((k) => !singular.has(k)), name).toEqual([]);
    }
  });

  it('every literal key used in the screens exists', () => {
    // i18next plurals: `t('pin.entered', {count})` resolves to pin.entered_one / _other.
    const known = new Set(keys(nl).flatMap((k) => [k, k.replace(/_(one|other)$/, '')]));
    const used = sourceFiles('src/renderer').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it('the door follows the glossary (src/renderer/i18n/GLOSSARY.md): words for a child, one term per thing', () => {
    // The mode switch (door.mode) is the teacher's own dialog at the door; everything else is read by pupils.
    const doorTexts = keys(nl.door)
      .filter((k) => !k.startsWith('mode.'))
      .map((k) => String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], nl.door)));
    const doorErrors = (['UNKNOWN_TAG', 'TAG_REVOKED', 'MISREAD_CODE', 'NO_DEVICE', 'ALREADY_IN_CUSTODY', 'NOT_IN_CUSTODY', 'SCAN_TOO_LONG'] as const).map(
      (code) => errorMessages[code].nl,
    );
    for (const text of [...doorTexts, ...doorErrors]) {
      expect(text, text).not.toMatch(/leerkracht|in bewaring|\bdevice\b/i);
    }
    // The damage marks the door offers are named the same on the teacher's screens.
    expect(nl.workflows.condition.marks.case_damaged).toBe(nl.door.damage.marks.case_damaged);
    expect(en.workflows.condition.marks.case_damaged).toBe(en.door.damage.marks.case_damaged);
    // A misread asks for another scan, not for the teacher.
    expect(nl.door.problem.scanAgain).not.toMatch(/juf|meester/);
  });

  it('the staff screens follow the glossary: one word for the thing, "in beslag" only for the sanction', () => {
    const texts = [
      ...keys(nl).map((k) => String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], nl))),
      ...Object.values(errorMessages).map((m) => m.nl),
    ];
    const offending = texts.filter((text) => /\bdevice\b|\btoestel(len)?\b|in bewaring (nemen|genomen)|met de hand|minste aantal/i.test(text.replace(/{{\w+}}/g, '')));
    expect(offending).toEqual([]);
    // English keeps "custody" for the daily routine; the sanction is "confiscate".
    const english = keys(en).map((k) => String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en)));
    expect(english.filter((text) => /(take|taken|taking)[^.]* into custody/i.test(text))).toEqual([]);
  });
});
