import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core, CoreOptions } from '../../src/core';
import { createHost, type HostOptions, type HostState } from '../../src/core/host';
import type { AutoSync } from '../../src/core/central/autoSync';
import { events, type EventName, type EventPayload } from '../../src/shared/contract';
import { contentSecurityPolicy } from '../../src/main/security/csp';
import { mimeTypeOf, resolveAppFile } from '../../src/main/security/appFiles';
import { APP_ORIGIN } from '../../src/main/security/origins';
import { bridgeClientSource } from './client';
import type { BridgeClock } from './testClock';

export interface BridgeOptions<C extends BridgeClock = BridgeClock> {
  /**
   * The core's clock. Required, so no story runs on the CI machine's hour by accident: tests pass a
   * test clock set to the moment the story needs (and set the page's clock to the same moment).
   */
  clock: C;
  /** Defaults to a fresh database in a temporary folder. */
  dbPath?: string;
  port?: number;
  rendererDir?: string;
  /** Serve the bridge client inside index.html (the browser preview); Playwright uses an init script. */
  injectClient?: boolean;
  /** Fills the fresh database before the page opens (e.g. a test's school). */
  seed?: (core: Core) => void;
  /** The demo school, as the kiosk's `--demo`: only into a database without a school. */
  demo?: boolean;
  /** Cheap PIN hashing for tests; the product's default cost otherwise. */
  pinCost?: CoreOptions['pinCost'];
  /** A roll-out file applied at each start, as the kiosk applies the machine-wide one. */
  rolloutConfigPath?: string;
  /** The kiosk's automatic sync to the central database, as its main process runs it (with timers the test fires). */
  autoSync?: HostOptions['autoSync'];
}

/** What the bridge's stand-in for the save dialog answers: save into its folder under a name, or cancel. */
export type SaveAnswer = { save: string } | 'cancel';

export interface Bridge<C extends BridgeClock = BridgeClock> {
  /** The clock the core reads; a story moves it with the page's clock. */
  clock: C;
  url: string;
  /** Replaced by a fresh core when the page restores a backup (Electron restarts then). */
  readonly core: Core;
  /** What the host's last start found, also when the database could not be opened. */
  readonly state: HostState;
  dbPath: string;
  /** The host's automatic sync, when the bridge was started with one. */
  readonly sync: AutoSync | null;
  /** How often the page asked to leave kiosk mode (Electron would quit). */
  exitRequests: number;
  /**
   * The save dialog's stand-in: files the core writes itself land in `savedDir` under the
   * suggested name, unless a story sets `nextSave` (a name of its own, a path elsewhere, or cancel)
   * for the next dialog.
   */
  readonly savedDir: string;
  nextSave: SaveAnswer | null;
  /** The names the core suggested, newest last. */
  readonly saveRequests: string[];
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

/**
 * Test code, not product: the real core and the real gateway (the same handler table ipcMain
 * binds) behind HTTP on 127.0.0.1, serving the built renderer with the app's CSP.
 */
export async function startBridge<C extends BridgeClock>(options: BridgeOptions<C>): Promise<Bridge<C>> {
  const dbPath = options.dbPath ?? join(mkdtempSync(join(tmpdir(), 'inleverpunt-bridge-')), 'inleverpunt.db');
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  const streams = new Set<ServerResponse>();
  const savedDir = mkdtempSync(join(tmpdir(), 'inleverpunt-saved-'));
  const csp = contentSecurityPolicy();
  const clientSource = bridgeClientSource();
  // The same host the kiosk's main process uses; only the transport below is the bridge's own.
  const host = createHost({
    dbPath,
    appVersion: '0.0.0-bridge',
    now: () => options.clock.now(),
    ...(options.pinCost ? { pinCost: options.pinCost } : {}),
    ...(options.rolloutConfigPath ? { rolloutConfigPath: options.rolloutConfigPath } : {}),
    ...(options.demo ? { demo: true } : {}),
    ...(options.seed ? { seed: options.seed } : {}),
    ...(options.autoSync ? { autoSync: options.autoSync } : {}),
    shell: {
      exitKiosk: () => void bridge.exitRequests++,
      push: (event, payload) => bridge.push(event, payload),
      chooseSaveFile: async ({ fileName }) => {
        bridge.saveRequests.push(fileName);
        const answer = bridge.nextSave ?? { save: fileName };
        bridge.nextSave = null;
        if (answer === 'cancel') return null;
        return isAbsolute(answer.save) ? answer.save : join(savedDir, answer.save);
      },
    },
    onInternalError: (method, error) => console.error(`[bridge] ${method} failed`, error),
  });

  const bridge: Bridge<C> = {
    url: '',
    clock: options.clock,
    get core() {
      const core = host.core;
      if (!core) throw new Error(`the bridge's database could not be opened: ${JSON.stringify(host.state)}`);
      return core;
    },
    get state() {
      return host.state;
    },
    get sync() {
      return host.sync;
    },
    dbPath,
    exitRequests: 0,
    savedDir,
    nextSave: null,
    saveRequests: [],
    push(event, payload) {
      const data = JSON.stringify(events[event].parse(payload));
      for (const res of streams) res.write(`event: ${event}\ndata: ${data}\n\n`);
    },
    close: async () => {
      for (const res of streams) res.end();
      await new Promise<void>((done) => server.close(() => done()));
      host.close();
    },
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[bridge]', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', bridge.url);
    if (url.pathname.startsWith('/__bridge/call/') && req.method === 'POST') {
      // The HTTP stand-in for the IPC sender check: only our own page may call.
      if (req.headers.origin !== undefined && req.headers.origin !== bridge.url) {
        res.writeHead(403).end();
        return;
      }
      const method = decodeURIComponent(url.pathname.slice('/__bridge/call/'.length));
      let args: unknown;
      try {
        args = JSON.parse((await readBody(req)) || '{}');
      } catch {
        args = Symbol('unparsable');
      }
      const result = await host.gateway.invoke(method, args);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      return;
    }
    if (url.pathname === '/__bridge/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/__bridge/client.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(clientSource);
      return;
    }
    const file = resolveAppFile(`${APP_ORIGIN}${url.pathname}`, rendererDir);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    if (options.injectClient && file.endsWith('index.html')) {
      body = Buffer.from(body.toString('utf8').replace('<head>', '<head><script src="/__bridge/client.js"></script>'));
    }
    res
      .writeHead(200, {
        'content-type': mimeTypeOf(file),
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      })
      .end(body);
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  bridge.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return bridge;
}

// Bytes travel as base64 in their call (a third larger): a kept photo (MAX_MEDIA_BYTES) or a pupil
// import (MAX_IMPORT_BYTES, 20 MB), with room to spare.
const MAX_BODY_CHARS = 28_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY_CHARS) req.destroy(new Error('body too large'));
    });
    req.on('end', () => done(body));
    req.on('error', fail);
  });
}
