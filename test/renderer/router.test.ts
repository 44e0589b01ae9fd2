import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/renderer/app/router';

describe('kiosk routes', () => {
  it('open the door screen by default and for anything unknown', () => {
    expect(parseRoute('')).toBe('door');
    expect(parseRoute('#/')).toBe('door');
    expect(parseRoute('#/../../etc')).toBe('door');
    expect(parseRoute('#/javascript:alert(1)')).toBe('door');
  });
  it('reach the teacher and office areas', () => {
    expect(parseRoute('#/teacher')).toBe('teacher');
    expect(parseRoute('#/office')).toBe('office');
  });
});
