/**
 * Feedback tones made with WebAudio, so the kiosk needs no audio files. Each kind has its own
 * shape (rising = done, low and doubled = ask the teacher), so a pupil hears the difference
 * without looking; colour and icon on screen carry the same meaning.
 */
export type SoundKind = 'success' | 'repeat' | 'error' | 'attention' | 'kept';

interface Tone {
  frequency: number;
  ms: number;
  type: OscillatorType;
}

const patterns: Record<SoundKind, Tone[]> = {
  success: [
    { frequency: 880, ms: 90, type: 'sine' },
    { frequency: 1320, ms: 150, type: 'sine' },
  ],
  repeat: [{ frequency: 990, ms: 110, type: 'sine' }],
  error: [
    { frequency: 196, ms: 220, type: 'square' },
    { frequency: 0, ms: 80, type: 'square' },
    { frequency: 196, ms: 260, type: 'square' },
  ],
  // An exemption: soft and falling, friendly, nothing like the low doubled buzz of an error.
  kept: [
    { frequency: 1047, ms: 120, type: 'sine' },
    { frequency: 784, ms: 120, type: 'sine' },
    { frequency: 1047, ms: 180, type: 'sine' },
  ],
  attention: [
    { frequency: 660, ms: 140, type: 'triangle' },
    { frequency: 0, ms: 60, type: 'triangle' },
    { frequency: 660, ms: 140, type: 'triangle' },
  ],
};

export interface SoundSettings {
  enabled: boolean;
  /** 0 … 1 */
  volume: number;
}

let context: AudioContext | null = null;

/** Plays a pattern without waiting for it: a sound must never delay the next scan. */
export function playSound(kind: SoundKind, settings: SoundSettings): void {
  if (!settings.enabled || settings.volume <= 0 || typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const ctx = context;
  if (ctx.state === 'suspended') void ctx.resume();
  let t = ctx.currentTime + 0.01;
  for (const tone of patterns[kind]) {
    const seconds = tone.ms / 1000;
    if (tone.frequency > 0) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = tone.type;
      osc.frequency.value = tone.frequency;
      // A short ramp avoids clicks at the start and end of each tone.
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(Math.min(1, settings.volume) * 0.4, t + 0.01);
      gain.gain.setValueAtTime(Math.min(1, settings.volume) * 0.4, t + seconds - 0.02);
      gain.gain.linearRampToValueAtTime(0, t + seconds);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + seconds);
    }
    t += seconds;
  }
}
