import type { PupilDevices } from '../../../../shared/contract/devices';

/** What a card asks the screen to do; the screen reloads the group after each and shows the result. */
export interface DevicesActions {
  run(work: () => Promise<string>): Promise<boolean>;
  /** The device a scan will be attached to now, if any: one at a time for the whole screen. */
  armed: string | null;
  arm(deviceId: string | null): void;
  /** What the armed device's next code is: an NFC tag (its UID) or a sticker. */
  nfc: boolean;
  setNfc(nfc: boolean): void;
}

export const fullName = (p: Pick<PupilDevices, 'roepnaam' | 'voorvoegsel' | 'achternaam'>) =>
  [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ');
