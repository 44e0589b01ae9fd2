import { describe, expect, it } from 'vitest';
import { effectiveMode, minutesOf, overrideTo, scheduledMode } from '../../../src/renderer/screens/door/doorMode';

/** A local wall-clock time on a given day (the kiosk's own time zone, like the door). */
const at = (day: number, hh: number, mm: number) => new Date(2025, 8, day, hh, mm);

describe('the door’s mode: hand in until the return time, return after it', () => {
  it('reads "HH:MM" settings and refuses anything else', () => {
    expect(minutesOf('14:00')).toBe(840);
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('24:00')).toBeNull();
    expect(minutesOf('2pm')).toBeNull();
  });

  it('switches by itself at 14:00 and back at midnight', () => {
    expect(scheduledMode(at(1, 8, 15), '14:00')).toBe('hand-in');
    expect(scheduledMode(at(1, 13, 59), '14:00')).toBe('hand-in');
    expect(scheduledMode(at(1, 14, 0), '14:00')).toBe('return');
    expect(scheduledMode(at(1, 14, 30), '14:30')).toBe('return');
    expect(scheduledMode(at(1, 14, 29), '14:30')).toBe('hand-in');
    expect(scheduledMode(at(1, 23, 59), '14:00')).toBe('return');
    expect(scheduledMode(at(2, 0, 0), '14:00')).toBe('hand-in');
  });

  it('a malformed return time never leaves the door stuck in return mode', () => {
    expect(scheduledMode(at(1, 15, 0), 'later')).toBe('hand-in');
  });

  it('a teacher who switches to return mode at 13:30 stays there, and the clock agrees from 14:00', () => {
    const override = overrideTo(at(1, 13, 30), '14:00', 'return');
    expect(override).toEqual({ mode: 'return', scheduled: 'hand-in', day: '2025-09-01' });
    expect(effectiveMode(at(1, 13, 45), '14:00', override)).toBe('return');
    expect(effectiveMode(at(1, 14, 5), '14:00', override)).toBe('return');
  });

  it('a teacher who switches back to hand-in at 14:10 keeps it for the day; the next afternoon the clock decides again', () => {
    const override = overrideTo(at(1, 14, 10), '14:00', 'hand-in');
    expect(effectiveMode(at(1, 15, 0), '14:00', override)).toBe('hand-in');
    expect(effectiveMode(at(2, 8, 0), '14:00', override)).toBe('hand-in');
    expect(effectiveMode(at(2, 14, 30), '14:00', override)).toBe('return');
  });

  it('yesterday’s morning switch does not carry over to today’s morning', () => {
    const override = overrideTo(at(1, 9, 0), '14:00', 'return');
    expect(effectiveMode(at(1, 9, 30), '14:00', override)).toBe('return');
    expect(effectiveMode(at(2, 9, 0), '14:00', override)).toBe('hand-in');
  });

  it('switching to what the clock says anyway leaves no override behind', () => {
    expect(overrideTo(at(1, 15, 0), '14:00', 'return')).toBeNull();
  });
});
