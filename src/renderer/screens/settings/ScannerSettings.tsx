import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HidDevice, Settings } from '../../../shared/contract';
import { nfcProfiles, detectProfile } from '../../../shared/scan/nfc';
import { hidFormats } from '../../../shared/scan/hidFormats';
import { call } from '../../bridge';
import { Field, Section, numberValue } from './fields';

type Draft = Pick<Settings, 'wedge' | 'camera' | 'hid'>;

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** Keyboard-wedge thresholds, the NFC reader's profile, the camera and a direct HID reader. */
export function ScannerSettings({ draft, onChange }: { draft: Draft; onChange: (next: Draft) => void }) {
  const { t } = useTranslation();
  const { wedge, camera, hid } = draft;
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [hidDevices, setHidDevices] = useState<{ devices: HidDevice[]; error: string | null } | null>(null);
  const [reference, setReference] = useState({ raw: '', known: '', result: '' });

  useEffect(() => {
    void navigator.mediaDevices?.enumerateDevices().then(
      (all) => setCameras(all.filter((d) => d.kind === 'videoinput')),
      () => setCameras([]),
    );
    call('listHidDevices', {}).then(setHidDevices, () => setHidDevices({ devices: [], error: null }));
  }, []);

  const setWedge = (patch: Partial<Settings['wedge']>) => onChange({ ...draft, wedge: { ...wedge, ...patch } });

  return (
    <>
      <Section title={t('settings.scanner.wedgeTitle')}>
        <p className="field-hint">{t('settings.scanner.wedgeHelp')}</p>
        <div className="field-grid">
          <Field id="wedge-avg" label={t('settings.scanner.maxAvgGapMs')}>
            <input id="wedge-avg" type="number" min={2} max={200} value={wedge.maxAvgGapMs}
              onChange={(e) => setWedge({ maxAvgGapMs: numberValue(e.target.value, wedge.maxAvgGapMs) })} />
          </Field>
          <Field id="wedge-max" label={t('settings.scanner.maxGapMs')}>
            <input id="wedge-max" type="number" min={5} max={500} value={wedge.maxGapMs}
              onChange={(e) => setWedge({ maxGapMs: numberValue(e.target.value, wedge.maxGapMs) })} />
          </Field>
          <Field id="wedge-min" label={t('settings.scanner.minLength')}>
            <input id="wedge-min" type="number" min={1} max={64} value={wedge.minLength}
              onChange={(e) => setWedge({ minLength: numberValue(e.target.value, wedge.minLength) })} />
          </Field>
          <Field id="wedge-suffix" label={t('settings.scanner.suffix')}>
            <select id="wedge-suffix" value={wedge.suffix}
              onChange={(e) => setWedge({ suffix: e.target.value as Settings['wedge']['suffix'] })}>
              {(['enter-or-tab', 'enter', 'tab', 'none'] as const).map((s) => (
                <option key={s} value={s}>{t(`settings.scanner.suffixes.${s}`)}</option>
              ))}
            </select>
          </Field>
          <Field id="wedge-prefix" label={t('settings.scanner.prefix')}>
            <input id="wedge-prefix" type="text" maxLength={8} value={wedge.prefix}
              onChange={(e) => setWedge({ prefix: e.target.value })} />
          </Field>
          <Field id="wedge-nfc" label={t('settings.scanner.nfcProfile')}>
            <select id="wedge-nfc" value={wedge.nfcProfile ?? ''}
              onChange={(e) => setWedge({ nfcProfile: (e.target.value || null) as Settings['wedge']['nfcProfile'] })}>
              <option value="">{t('settings.scanner.notNfc')}</option>
              {nfcProfiles.map((p) => (
                <option key={p} value={p}>{t(`settings.scanner.profiles.${p}`)}</option>
              ))}
            </select>
          </Field>
        </div>
        <div className="reference-tag">
          <strong>{t('settings.scanner.referenceTitle')}</strong>
          <p className="field-hint">{t('settings.scanner.referenceHelp')}</p>
          <div className="field-grid">
            <Field id="ref-known" label={t('settings.scanner.referenceKnown')}>
              <input id="ref-known" type="text" value={reference.known}
                onChange={(e) => setReference({ ...reference, known: e.target.value, result: '' })} />
            </Field>
            <Field id="ref-raw" label={t('settings.scanner.referenceRaw')}>
              <input id="ref-raw" type="text" value={reference.raw}
                onChange={(e) => setReference({ ...reference, raw: e.target.value, result: '' })} />
            </Field>
          </div>
          <button type="button" onClick={() => {
            const found = detectProfile(reference.raw, reference.known);
            if (found.ok) setWedge({ nfcProfile: found.profile });
            setReference({
              ...reference,
              result: found.ok
                ? t('settings.scanner.referenceFound', { profile: t(`settings.scanner.profiles.${found.profile}`) })
                : t(`settings.scanner.referenceFailed.${found.reason}`),
            });
          }}>
            {t('settings.scanner.referenceDetect')}
          </button>
          {reference.result && <p role="status">{reference.result}</p>}
        </div>
      </Section>

      <Section title={t('settings.scanner.cameraTitle')}>
        <label className="check">
          <input type="checkbox" checked={camera.enabled}
            onChange={(e) => onChange({ ...draft, camera: { ...camera, enabled: e.target.checked } })} />
          {t('settings.scanner.cameraEnabled')}
        </label>
        <Field id="camera-device" label={t('settings.scanner.cameraDevice')}>
          <select id="camera-device" value={camera.deviceId ?? ''}
            onChange={(e) => onChange({ ...draft, camera: { ...camera, deviceId: e.target.value || null } })}>
            <option value="">{t('settings.scanner.cameraDefault')}</option>
            {cameras.map((c, i) => (
              <option key={c.deviceId || i} value={c.deviceId}>{c.label || t('settings.scanner.cameraN', { n: i + 1 })}</option>
            ))}
          </select>
        </Field>
      </Section>

      <Section title={t('settings.scanner.hidTitle')}>
        <p className="field-hint">{t('settings.scanner.hidHelp')}</p>
        {hidDevices?.error && <p className="notice">{t('settings.scanner.hidUnavailable')}</p>}
        <Field id="hid-device" label={t('settings.scanner.hidDevice')}>
          <select id="hid-device"
            value={hid ? `${hid.vendorId}:${hid.productId}:${hid.usagePage ?? ''}` : ''}
            onChange={(e) => {
              if (!e.target.value) return onChange({ ...draft, hid: null });
              const [vid, pid, page] = e.target.value.split(':');
              const usagePage = page ? Number(page) : null;
              onChange({
                ...draft,
                hid: {
                  vendorId: Number(vid),
                  productId: Number(pid),
                  usagePage,
                  format: usagePage === 0x8c ? 'hidpos' : (hid?.format ?? 'boot'),
                  nfcProfile: hid?.nfcProfile ?? null,
                },
              });
            }}>
            <option value="">{t('settings.scanner.hidNone')}</option>
            {hid && !hidDevices?.devices.some((d) => d.vendorId === hid.vendorId && d.productId === hid.productId) && (
              <option value={`${hid.vendorId}:${hid.productId}:${hid.usagePage ?? ''}`}>
                {`${hex4(hid.vendorId)}:${hex4(hid.productId)} — ${t('settings.scanner.hidNotConnected')}`}
              </option>
            )}
            {hidDevices?.devices.map((d) => (
              <option key={`${d.vendorId}:${d.productId}:${d.usagePage ?? ''}`} value={`${d.vendorId}:${d.productId}:${d.usagePage ?? ''}`}>
                {`${hex4(d.vendorId)}:${hex4(d.productId)} ${d.product ?? ''} ${d.usagePage !== null ? `(usage page ${hex4(d.usagePage)})` : ''}`}
              </option>
            ))}
          </select>
        </Field>
        {hid && (
          <div className="field-grid">
            <Field id="hid-format" label={t('settings.scanner.hidFormat')}>
              <select id="hid-format" value={hid.format}
                onChange={(e) => onChange({ ...draft, hid: { ...hid, format: e.target.value as typeof hid.format } })}>
                {hidFormats.map((f) => (
                  <option key={f} value={f}>{t(`settings.scanner.hidFormats.${f}`)}</option>
                ))}
              </select>
            </Field>
            <Field id="hid-nfc" label={t('settings.scanner.nfcProfile')}>
              <select id="hid-nfc" value={hid.nfcProfile ?? ''}
                onChange={(e) => onChange({ ...draft, hid: { ...hid, nfcProfile: (e.target.value || null) as typeof hid.nfcProfile } })}>
                <option value="">{t('settings.scanner.notNfc')}</option>
                {nfcProfiles.map((p) => (
                  <option key={p} value={p}>{t(`settings.scanner.profiles.${p}`)}</option>
                ))}
              </select>
            </Field>
          </div>
        )}
      </Section>
    </>
  );
}
