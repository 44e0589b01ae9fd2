import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Health } from '../../../shared/contract';
import { PinPad } from '../../components/PinPad';
import { call } from '../../bridge';
import { errorText } from '../../errors';
import { BothLanguages, useBothLanguages } from './bothLanguages';

type StartFailure = NonNullable<Health['startFailure']>;
type Pad = 'restore' | 'exit' | null;

/** The reasons the screen has a text for; anything else is shown as INTERNAL. */
const reasonKeys = ['DB_CORRUPT', 'DB_FROM_NEWER_VERSION', 'DISK_FULL', 'DISK_READ_ONLY', 'DB_READ_ONLY', 'REGISTRY_MISMATCH', 'INTERNAL'] as const;
const reasonOf = (code: string): (typeof reasonKeys)[number] => reasonKeys.find((k) => k === code) ?? 'INTERNAL';

/**
 * What a kiosk whose database could not be opened shows instead of the door: why, in Dutch and
 * English (the school's language is in the database it cannot read), and the safe actions: restore
 * the newest good backup (an administrator's PIN, checked against that backup), try again once the
 * disk is fixed, the details for the IT partner (kiosk id, code, SQLite's cause; never a path),
 * and closing the kiosk.
 */
export function StartFailureScreen({ health }: { health: Health & { startFailure: StartFailure } }) {
  const { i18n } = useTranslation();
  const both = useBothLanguages();
  const failure = health.startFailure;
  const [pad, setPad] = useState<Pad>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const retryable = failure.code === 'DISK_FULL' || failure.code === 'DISK_READ_ONLY';
  const when = health.backup ? new Date(health.backup.takenAt).toLocaleString('nl-NL') : '';

  const submit = (pin: string) => {
    setBusy(true);
    setMessage(null);
    const action =
      pad === 'restore'
        ? call('restoreAfterFailedStart', { pin }).then((r) => {
            setDone(both('startFailure.restoring', { seq: r.lastSeq }));
            // Electron restarts the app on the restored database; a browser preview reloads.
            window.setTimeout(() => window.location.reload(), 1500);
          })
        : call('exitKiosk', { pin }).then(() => undefined);
    action
      .catch((error: unknown) => setMessage(`${errorText(error, 'nl')} / ${errorText(error, 'en')}`))
      .finally(() => setBusy(false));
  };

  return (
    <main className="screen start-failure" lang="nl">
      <section className="panel" aria-labelledby="start-failure-title">
        <h1 id="start-failure-title">
          <BothLanguages k="startFailure.title" inline />
        </h1>
        <div className="notice" role="alert" data-code={failure.code}>
          <BothLanguages k={`startFailure.reasons.${reasonOf(failure.code)}`} />
          <BothLanguages k="startFailure.nothingStored" />
        </div>

        {done ? (
          <p role="status" className="status-ok">
            {done}
          </p>
        ) : (
          <div className="start-failure-actions">
            {health.backup ? (
              <div>
                <h2>
                  <BothLanguages k="startFailure.restoreTitle" inline />
                </h2>
                <BothLanguages k="startFailure.restoreOffer" values={{ when, seq: health.backup.lastSeq }} />
                {pad !== 'restore' && (
                  <button type="button" className="primary" onClick={() => setPad('restore')}>
                    <BothLanguages k="startFailure.restoreButton" inline />
                  </button>
                )}
              </div>
            ) : (
              <BothLanguages k="startFailure.noBackup" />
            )}
            {retryable && (
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  setBusy(true);
                  call('retryStart', {})
                    .then((r) => (r.opened ? window.location.reload() : setMessage(both('startFailure.retryFailed'))))
                    .catch((error: unknown) => setMessage(errorText(error, i18n.language)))
                    .finally(() => setBusy(false));
                }}
              >
                <BothLanguages k="startFailure.retry" inline />
              </button>
            )}
            {pad !== null && (
              <div className="start-failure-pad">
                <PinPad label={both(pad === 'restore' ? 'startFailure.restorePin' : 'startFailure.exitPin')} busy={busy} message={message} onSubmit={submit} />
                <button type="button" onClick={() => (setPad(null), setMessage(null))}>
                  <BothLanguages k="startFailure.cancel" inline />
                </button>
              </div>
            )}
            {pad === null && message && (
              <p role="alert" className="status-error">
                {message}
              </p>
            )}
          </div>
        )}

        <h2>
          <BothLanguages k="startFailure.contactTitle" inline />
        </h2>
        <BothLanguages k="startFailure.contactWith" />
        <dl className="start-failure-facts" data-testid="start-failure-facts">
          <dt>{both('startFailure.kioskId')}</dt>
          <dd>{failure.kioskId ?? both('startFailure.unknownKiosk')}</dd>
          <dt>{both('startFailure.code')}</dt>
          <dd>{failure.code}</dd>
          <dt>{both('startFailure.cause')}</dt>
          <dd>{failure.cause}</dd>
        </dl>
        {health.backup ? (
          pad === null && (
            <button type="button" className="danger" onClick={() => setPad('exit')}>
              <BothLanguages k="startFailure.exitButton" inline />
            </button>
          )
        ) : (
          <BothLanguages k="startFailure.exitNoBackup" />
        )}
      </section>
    </main>
  );
}
