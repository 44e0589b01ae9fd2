export { createHost, type Host, type HostOptions, type HostShell } from './host';
export type { HostState, StartOptions } from './start';
export type { StartFailure } from './failure';
export type { Push } from './custodyPush';
