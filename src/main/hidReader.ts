import type { WebContents } from 'electron';
import { createHidReaderService, listNodeHidDevices, openNodeHid, type HidReaderService, type ReaderState } from '../core/hid';
import type { Settings } from '../shared/contract/settings';
import { pushEvent } from './ipc';

/**
 * The HID scanner chosen in the settings, read in the main process and pushed to the screen as
 * the same `scan` event every other source produces. Replaced whenever the settings change.
 */
export class HidReaderHost {
  private service: HidReaderService | null = null;
  private configured: string | null = null;
  lastState: ReaderState = { state: 'stopped' };

  constructor(private readonly target: () => WebContents | null) {}

  apply(settings: Settings['hid']): void {
    const key = settings ? JSON.stringify(settings) : null;
    if (key === this.configured) return;
    this.stop();
    this.configured = key;
    if (!settings) return;
    this.service = createHidReaderService({
      vendorId: settings.vendorId,
      productId: settings.productId,
      ...(settings.usagePage !== null ? { usagePage: settings.usagePage } : {}),
      format: settings.format,
      ...(settings.nfcProfile ? { nfcProfile: settings.nfcProfile } : {}),
      open: openNodeHid,
      listDevices: listNodeHidDevices,
      onScan: (event) => {
        const contents = this.target();
        if (contents) pushEvent(contents, 'scan', event);
      },
      onState: (state) => {
        this.lastState = state;
        const contents = this.target();
        if (contents) pushEvent(contents, 'stateChanged', { reason: `hid:${state.state}` });
      },
    });
    this.service.start();
  }

  stop(): void {
    this.service?.stop();
    this.service = null;
    this.configured = null;
  }
}
