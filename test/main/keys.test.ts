import { describe, expect, it } from 'vitest';
import { blockedInKiosk, type KeyInput } from '../../src/main/security/keys';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key' | 'type'>> = {}, type = 'keyDown'): KeyInput => ({
  type,
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('the kiosk keyboard policy: nothing typed at the door leaves, reloads or opens the kiosk', () => {
  it.each([
    ['Ctrl+Q (quit)', key('q', { control: true })],
    ['Cmd+Q (quit, macOS)', key('q', { meta: true })],
    ['Ctrl+W (close window)', key('w', { control: true })],
    ['Ctrl+R (reload)', key('r', { control: true })],
    ['Ctrl+Shift+R (hard reload)', key('R', { control: true, shift: true })],
    ['F5 (reload)', key('F5')],
    ['Ctrl+M (minimise)', key('m', { control: true })],
    ['Ctrl+Shift+I (DevTools)', key('I', { control: true, shift: true })],
    ['Cmd+Alt+I (DevTools, macOS)', key('i', { meta: true, alt: true })],
    ['F12 (DevTools)', key('F12')],
    ['Ctrl+N (new window)', key('n', { control: true })],
    ['Ctrl++ (zoom in)', key('+', { control: true })],
    ['Ctrl+- (zoom out)', key('-', { control: true })],
    ['Ctrl+0 (zoom reset)', key('0', { control: true })],
    ['Alt+F4 (close)', key('F4', { alt: true })],
    ['Alt+Left (back)', key('ArrowLeft', { alt: true })],
    ['F11 (leave full screen)', key('F11')],
  ])('swallows %s', (_name, input) => {
    expect(blockedInKiosk(input)).toBe(true);
  });

  it.each([
    ['a letter', key('a')],
    ['a capital (Shift, as a scanner types)', key('A', { shift: true })],
    ['a digit', key('7')],
    ['Enter (the scanner’s suffix)', key('Enter')],
    ['Tab', key('Tab')],
    ['Backspace in a reason field', key('Backspace')],
    ['Ctrl+P (print a receipt)', key('p', { control: true })],
    ['Ctrl+A, Ctrl+C, Ctrl+V, Ctrl+X, Ctrl+Z in a text field', key('a', { control: true })],
    ['Ctrl+C', key('c', { control: true })],
    ['Ctrl+V', key('v', { control: true })],
    ['Ctrl+Z', key('z', { control: true })],
    ['Escape (closes a dialog)', key('Escape')],
  ])('lets %s through', (_name, input) => {
    expect(blockedInKiosk(input)).toBe(false);
  });

  it('judges key presses, not their release', () => {
    expect(blockedInKiosk(key('q', { control: true }, 'keyUp'))).toBe(false);
    expect(blockedInKiosk(key('q', { control: true }, 'rawKeyDown'))).toBe(true);
  });
});
