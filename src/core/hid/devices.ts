/** One visible HID device, without serial numbers or paths that identify a person's hardware. */
export interface HidDeviceSummary {
  vendorId: number;
  productId: number;
  usagePage: number | null;
  usage: number | null;
  product: string | null;
  manufacturer: string | null;
  path: string | null;
}

/** node-hid is loaded lazily: a machine without libusb/hidraw still runs everything else. */
export async function listHidDevices(): Promise<HidDeviceSummary[]> {
  const hid = await import('node-hid');
  const devices = await hid.devicesAsync();
  return devices.map((d) => ({
    vendorId: d.vendorId,
    productId: d.productId,
    usagePage: d.usagePage ?? null,
    usage: d.usage ?? null,
    product: d.product ?? null,
    manufacturer: d.manufacturer ?? null,
    path: d.path ?? null,
  }));
}
