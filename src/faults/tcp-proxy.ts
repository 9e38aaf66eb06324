import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy between the app and PostgreSQL that can play a database restart: every open
 * connection is cut at once, and new ones are refused for a while, as while the server is down.
 */
export type TcpProxy = {
  port: number;
  /** Connections accepted so far (reconnects show up here). */
  connections(): number;
  /** Cuts every connection now and refuses new ones for `downMs` ms. */
  restart(downMs: number): Promise<void>;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let downUntil = 0;
  let accepted = 0;

  const server = createServer((client) => {
    if (Date.now() < downUntil) {
      // The server is "down": the connection is dropped as soon as it is made.
      client.destroy();
      return;
    }
    accepted += 1;
    const upstream = connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');

  return {
    port: address.port,
    connections: () => accepted,
    async restart(downMs) {
      downUntil = Date.now() + downMs;
      for (const socket of open) socket.destroy();
      open.clear();
      await new Promise((resolve) => setTimeout(resolve, downMs));
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
