import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the test server: the network between a kiosk and the board. `cutAfter`
 * drops every connection once that many more bytes went from client to server, in the middle of
 * whatever is being sent; `down` refuses connections until `up`.
 */
export interface CuttableProxy {
  port: number;
  cutAfter(bytes: number): void;
  down(): void;
  up(): void;
  cuts: number;
  close(): Promise<void>;
}

export async function cuttableProxy(targetPort: number): Promise<CuttableProxy> {
  const sockets = new Set<Socket>();
  let budget: number | undefined;
  let refusing = false;
  const proxy: CuttableProxy = {
    port: 0,
    cuts: 0,
    cutAfter: (bytes) => {
      budget = bytes;
    },
    down: () => {
      refusing = true;
      for (const s of sockets) s.destroy();
    },
    up: () => {
      refusing = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      if (budget !== undefined) {
        if (chunk.length >= budget) {
          // What fits the budget goes through: the server sees a message cut off mid-way.
          upstream.write(chunk.subarray(0, budget), () => {
            budget = undefined;
            proxy.cuts++;
            for (const s of [...sockets]) s.destroy();
            sockets.clear();
          });
          return;
        }
        budget -= chunk.length;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.port = typeof address === 'object' && address ? address.port : 0;
  return proxy;
}
