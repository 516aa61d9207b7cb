import net from 'node:net';

/**
 * A loopback TCP relay in front of the test cluster: the network between a workstation and its
 * clinic server, which a test can cut (open connections dropped, new ones refused) and restore
 * on the same port, without stopping the cluster the other tests share.
 */
export interface TcpProxy {
  port: number;
  /** Rewrites a database URL to go through the relay. */
  route(url: string): string;
  /** Drops every open connection and refuses new ones, as a pulled cable or a server switched off. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        const address = next.address();
        port = typeof address === 'object' && address ? address.port : port;
        server = next;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      const open = server;
      server = null;
      if (!open) resolve();
      else open.close(() => resolve());
    });
  await listen();
  return {
    get port() {
      return port;
    },
    route(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut: stop,
    restore: listen,
    close: stop,
  };
}
