import type { z } from 'zod';
import type { RolloutIssue } from '../../shared/contract/rollout';
import type { LocalizedText } from '../../shared/errors';

/**
 * zod's issues in the words an IT partner reads, Dutch and English, each naming the field as a
 * dotted path (`wedge.maxGapMs`). Never the rejected value: the message must be safe to log.
 */
export function describeIssues(error: z.ZodError, input: unknown): RolloutIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...path, key].join('.'),
        message: { nl: 'onbekende sleutel (een tikfout?)', en: 'unknown key (a typo?)' },
      }));
    }
    const missing = isMissing(input, issue.path);
    return [{ field: path.join('.'), message: missing ? required : describe(issue) }];
  });
}

const required: LocalizedText = { nl: 'ontbreekt (verplicht)', en: 'required' };

function describe(issue: z.core.$ZodIssue): LocalizedText {
  switch (issue.code) {
    case 'invalid_type':
      return { nl: `verwacht ${typeNames[issue.expected]?.nl ?? issue.expected}`, en: `expected ${typeNames[issue.expected]?.en ?? issue.expected}` };
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v)).join(' | ');
      return issue.values.length === 1
        ? { nl: `moet ${options} zijn`, en: `expected ${options}` }
        : { nl: `moet een van ${options} zijn`, en: `expected one of ${options}` };
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { nl: 'mag niet leeg zijn', en: 'must not be empty' };
      return bound('minstens', 'at least', issue.origin, issue.minimum);
    case 'too_big':
      return bound('hoogstens', 'at most', issue.origin, issue.maximum);
    case 'invalid_format':
      // Our schemas name the expected form (HH:MM, postgres://…); zod's own text starts "Invalid".
      return issue.message.startsWith('Invalid')
        ? { nl: 'heeft niet de juiste vorm', en: 'not in the expected form' }
        : { nl: `verwacht de vorm ${issue.message}`, en: `expected the form ${issue.message}` };
    default:
      return { nl: 'ongeldige waarde', en: issue.message };
  }
}

const typeNames: Record<string, LocalizedText> = {
  number: { nl: 'een getal', en: 'number' },
  int: { nl: 'een geheel getal', en: 'whole number' },
  string: { nl: 'tekst', en: 'string' },
  boolean: { nl: 'true of false', en: 'true or false' },
  object: { nl: 'een object { … }', en: 'object { … }' },
  array: { nl: 'een lijst [ … ]', en: 'list [ … ]' },
};

function bound(nl: string, en: string, origin: string, limit: number | bigint): LocalizedText {
  const unit: Record<string, LocalizedText> = {
    string: { nl: ' tekens', en: ' characters' },
    array: { nl: ' items', en: ' items' },
  };
  const u = unit[origin] ?? { nl: '', en: '' };
  return { nl: `${nl} ${limit}${u.nl}`, en: `${en} ${limit}${u.en}` };
}

/** A key left out reads better as "required" than as "expected number, received undefined". */
function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  let here: unknown = input;
  for (const key of path.slice(0, -1)) {
    if (typeof here !== 'object' || here === null) return false;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  const last = path.at(-1);
  return last !== undefined && typeof here === 'object' && here !== null && !Object.hasOwn(here, last);
}
