/** Scanning on the kiosk screen: wedge listener, webcam, and the one stream they all feed. */
export { attachWedgeScanner, useWedgeScanner, type WedgeScannerOptions } from './useWedgeScanner';
export { createWedgeDetector, defaultWedgeOptions, type WedgeOptions } from './wedgeDetector';
export { createCameraScanner, type CameraScanner, type CameraScannerOptions } from './cameraScanner';
export { createScanStream, type ScanStream, type ScanStreamOptions } from './scanStream';
