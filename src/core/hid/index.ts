/**
 * Scanners opened directly through HID, for the main process (which wires the reader service to
 * the settings and pushes its `ScanEvent`s to the screen) and the CLI.
 */
export { createHidReaderService } from './readerService';
export type { HidReaderOptions, HidReaderService, ReaderState, HidDeviceHandle, HidDeviceInfo, OpenHidDevice, ListHidDevices } from './readerService';
export { openNodeHid, listNodeHidDevices } from './nodeHid';
export { listHidDevices, type HidDeviceSummary } from './devices';
export { createDecoder, parseHexReport } from './decoders';
export { hidFormats, isHidFormat, type HidFormat, type HidScan, type HidReportDecoder } from './decoder';
