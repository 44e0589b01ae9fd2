import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';
import { useSettings } from '../state/SettingsContext';
import { playSound } from '../feedback/sounds';

export interface WorkflowSubmit {
  busy: boolean;
  /** The last failure, in the screen's current language; cleared when the next try starts. */
  problem: string | null;
  /**
   * Runs one recording step: success or error tone, the message on failure, never twice at once.
   * `shownBySelf` takes a failure the screen shows in its own place (a wrong witness PIN beside
   * the PIN pad): when it returns true, the tone sounds but `problem` stays empty.
   */
  run(step: () => Promise<void>, shownBySelf?: (error: unknown) => boolean): Promise<void>;
  /** A form the teacher must complete first: the error tone, no call. */
  refuse(): void;
  /** The teacher moved on (another row, the next step): the old failure no longer applies. */
  clear(): void;
}

export function useWorkflowSubmit(): WorkflowSubmit {
  const { i18n } = useTranslation();
  const { settings } = useSettings();
  const [busy, setBusy] = useState(false);
  // The error itself, not its text: switching language translates a message already shown.
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const refuse = useCallback(() => playSound('error', settings.sound), [settings.sound]);
  const clear = useCallback(() => setFailure(null), []);
  const run = useCallback(
    async (step: () => Promise<void>, shownBySelf?: (error: unknown) => boolean) => {
      setBusy(true);
      setFailure(null);
      try {
        await step();
        playSound('success', settings.sound);
      } catch (error) {
        playSound('error', settings.sound);
        if (!shownBySelf?.(error)) setFailure({ error });
      } finally {
        setBusy(false);
      }
    },
    [settings.sound],
  );
  const problem = failure === null ? null : errorText(failure.error, i18n.language);
  return { busy, problem, run, refuse, clear };
}
