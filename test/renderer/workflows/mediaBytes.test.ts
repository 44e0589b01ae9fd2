import { describe, expect, it } from 'vitest';
import { canvasPoint, guideCrop, photoGuide, sha256Hex } from '../../../src/renderer/components/mediaBytes';

describe('hashing and geometry of the pictures the workflows take', () => {
  it('hashes a PNG in the page exactly as the core and the office would (SHA-256, lower-case hex)', async () => {
    // The FIPS 180-2 test vector: SHA-256("abc").
    const abc = new TextEncoder().encode('abc');
    const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(await sha256Hex(new Blob([abc], { type: 'image/png' }))).toBe(expected);
    expect(await sha256Hex(abc.buffer)).toBe(expected);
  });

  it('maps a touch on a signature pad shown at half size to the canvas pixels under the finger', () => {
    const box = { x: 100, y: 50, width: 450, height: 130 };
    expect(canvasPoint({ x: 100, y: 50 }, box, { width: 900, height: 260 })).toEqual({ x: 0, y: 0 });
    expect(canvasPoint({ x: 325, y: 115 }, box, { width: 900, height: 260 })).toEqual({ x: 450, y: 130 });
  });

  it('keeps a stroke that slides off the pad on its edge instead of outside the picture', () => {
    const box = { x: 0, y: 0, width: 900, height: 260 };
    expect(canvasPoint({ x: -20, y: 400 }, box, { width: 900, height: 260 })).toEqual({ x: 0, y: 260 });
  });

  it('keeps only the phone-shaped guide frame of a camera picture, so the edges (where faces are) are cut off', () => {
    for (const [w, h] of [
      [640, 480],
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const crop = guideCrop(w, h);
      expect(crop.height).toBe(Math.round(h * 0.9));
      expect(crop.width / crop.height).toBeCloseTo(0.62, 1);
      // Centred: as much cut off left as right.
      expect(Math.abs(crop.x - (w - crop.x - crop.width))).toBeLessThanOrEqual(1);
    }
    expect(guideCrop(640, 480)).toEqual({ x: 186, y: 24, width: 268, height: 432 });
  });

  it('draws the guide with the same fractions it crops with', () => {
    const g = photoGuide(1280, 720);
    expect(g.x + g.width / 2).toBeCloseTo(0.5);
    expect(g.y).toBeCloseTo(0.05);
    expect(photoGuide(0, 0).width).toBeGreaterThan(0);
  });
});
