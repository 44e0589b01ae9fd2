import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/errors';
import { useSettings } from '../app/SettingsContext';
import { playSound } from '../feedback/sounds';

export interface WorkflowSubmit {
  busy: boolean;
  /** The last failure, in the screen's language; cleared when the next try starts. */
  problem: string | null;
  /** Runs one recording step: success or error tone, the message on failure, never twice at once. */
  run(step: () => Promise<void>): Promise<void>;
  /** A form the teacher must complete first: the error tone, no call. */
  refuse(): void;
}

export function useWorkflowSubmit(): WorkflowSubmit {
  const { i18n } = useTranslation();
  const { settings } = useSettings();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const refuse = useCallback(() => playSound('error', settings.sound), [settings.sound]);
  const run = useCallback(
    async (step: () => Promise<void>) => {
      setBusy(true);
      setProblem(null);
      try {
        await step();
        playSound('success', settings.sound);
      } catch (e) {
        playSound('error', settings.sound);
        setProblem(errorText(e, i18n.language));
      } finally {
        setBusy(false);
      }
    },
    [settings.sound, i18n.language],
  );
  return { busy, problem, run, refuse };
}
