import type { HidDeviceHandle, HidDeviceInfo, ListHidDevices, OpenHidDevice } from './readerService';
import { listHidDevices } from './devices';

/**
 * node-hid behind the reader service's injected interfaces. Loaded lazily, like `listHidDevices`,
 * so a machine without libusb/hidraw still runs everything else. Opens by path when the device
 * list gave one (it picks the exact interface), else by vendor/product id; non-exclusive so that
 * on macOS the OS keeps its keyboard driver for a scanner that is also a keyboard.
 */
export const openNodeHid: OpenHidDevice = async (device: HidDeviceInfo): Promise<HidDeviceHandle> => {
  const { HID } = await import('node-hid');
  return device.path
    ? new HID(device.path, { nonExclusive: true })
    : new HID(device.vendorId, device.productId, { nonExclusive: true });
};

export const listNodeHidDevices: ListHidDevices = async () =>
  (await listHidDevices()).map(({ vendorId, productId, usagePage, path }) => ({ vendorId, productId, usagePage, path }));
