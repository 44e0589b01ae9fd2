import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../src/renderer/state/router';

describe('kiosk routes', () => {
  it('open the door screen by default and for anything unknown', () => {
    expect(parseRoute('').area).toBe('door');
    expect(parseRoute('#/').area).toBe('door');
    expect(parseRoute('#/../../etc').area).toBe('door');
    expect(parseRoute('#/javascript:alert(1)').area).toBe('door');
  });
  it('reach the teacher, office and settings areas and the screens inside them', () => {
    expect(parseRoute('#/teacher')).toMatchObject({ area: 'teacher', screen: null });
    expect(parseRoute('#/teacher/confiscate')).toMatchObject({ area: 'teacher', screen: 'confiscate' });
    expect(parseRoute('#/settings').area).toBe('settings');
    expect(parseRoute('#/office').area).toBe('office');
  });
  it('ignore a screen name that is not a plain word', () => {
    expect(parseRoute('#/teacher/<img src=x>').screen).toBeNull();
  });
  it('carry parameters such as the device a screen is about', () => {
    const hash = routeHash('teacher', 'transfer', { device: 'abc-123' });
    expect(hash).toBe('#/teacher/transfer?device=abc-123');
    expect(parseRoute(hash).params.get('device')).toBe('abc-123');
  });
});
