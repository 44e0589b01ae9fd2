import { describe, expect, it } from 'vitest';
import {
  dayMovementTypes,
  EventType,
  eventGroupOf,
  eventTypeList,
  eventTypesIn,
  voidableEventTypes,
} from '../../src/shared/contract/eventTypes';
import { sqlTypeList } from '../../src/core/ledger/typeList';

describe('the event vocabulary', () => {
  it('puts every type in exactly one group', () => {
    const grouped = (['custody', 'device', 'administrative', 'registry', 'redaction'] as const).flatMap((g) => eventTypesIn(g));
    expect([...grouped].sort()).toEqual([...eventTypeList].sort());
    expect(Object.keys(eventGroupOf)).toEqual([...eventTypeList]);
  });

  it('custody events are the ones that move a device; a correction may void those and notes about a device', () => {
    expect(eventTypesIn('custody')).toEqual(['handed_in', 'returned', 'transferred', 'confiscated', 'released_to_guardian']);
    expect(voidableEventTypes).toEqual(expect.arrayContaining(['condition_noted', 'incident_reported', 'kept_overnight']));
    expect(voidableEventTypes).not.toContain('corrected');
    expect(voidableEventTypes).not.toContain('payload_redacted');
    expect(dayMovementTypes).toEqual([...eventTypesIn('custody'), 'kept_overnight']);
  });

  it('the contract refuses a type that is not in it', () => {
    expect(EventType.safeParse('handed_in').success).toBe(true);
    expect(EventType.safeParse('handed-in').success).toBe(false);
  });

  it('SQL lists are built from it and refuse anything else', () => {
    expect(sqlTypeList(['handed_in', 'returned'])).toBe("('handed_in', 'returned')");
    expect(() => sqlTypeList(["x') OR 1=1 --" as EventType])).toThrow(/not an event type/);
    expect(() => sqlTypeList([])).toThrow();
  });
});
