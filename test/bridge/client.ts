import { readFileSync } from 'node:fs';
import { BRIDGE_GLOBAL, eventNameList, methodNameList } from '../../src/shared/contract/names';

/**
 * Defines in the page the same `window.inleverpunt` object the preload exposes (built from the
 * same name lists), but over fetch and an event stream. Source text, so it serves both as a
 * Playwright init script and as a <script> for the browser preview.
 */
export function bridgeClientSource(): string {
  const config = JSON.stringify({ methods: methodNameList, events: eventNameList, global: BRIDGE_GLOBAL });
  const body = readFileSync(new URL('./page-client.js', import.meta.url), 'utf8');
  return `{ const config = ${config};\n${body}\n}`;
}
