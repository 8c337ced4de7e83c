// A TCP proxy on 127.0.0.1 in front of the test database, for tests of what the app does
// when the network to PostgreSQL fails: in `forward` mode it passes bytes both ways; `hang`
// stops forwarding on the connections open now without closing them (a half-open
// connection: the peer neither answers nor hangs up), and optionally on new ones too;
// `refuse` cuts every connection and resets new ones (the database is down).
import net from "node:net";

export type FaultProxy = {
  /** The database URL, through the proxy. */
  url: string;
  /** Forward new connections again (connections already hung stay hung). */
  forward: () => void;
  /** Stop forwarding on open connections, without closing them; `newConnections: "hang"` does the same to new ones. */
  hang: (options?: { newConnections?: "forward" | "hang" }) => void;
  /** Close every connection and refuse new ones. */
  refuse: () => void;
  /** Connections forwarded since the proxy started. */
  readonly opened: number;
  close: () => Promise<void>;
};

type Pair = { client: net.Socket; server: net.Socket | null; hung: boolean };

export async function startFaultProxy(databaseUrl: string): Promise<FaultProxy> {
  const target = new URL(databaseUrl);
  const pairs = new Set<Pair>();
  let mode: "forward" | "hang" | "refuse" = "forward";
  let opened = 0;

  const hangPair = (pair: Pair) => {
    pair.hung = true;
    pair.client.unpipe();
    pair.server?.unpipe();
    // Read and drop, so nothing is ever delivered and neither side sees a close.
    pair.client.removeAllListeners("data");
    pair.server?.removeAllListeners("data");
    pair.client.on("data", () => {});
    pair.server?.on("data", () => {});
  };

  const server = net.createServer((client) => {
    client.on("error", () => {});
    if (mode === "refuse") {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, server: null, hung: false };
    pairs.add(pair);
    client.on("close", () => {
      pairs.delete(pair);
      pair.server?.destroy();
    });
    if (mode === "hang") {
      hangPair(pair);
      return;
    }
    opened++;
    const upstream = net.connect(Number(target.port), target.hostname);
    pair.server = upstream;
    upstream.on("error", () => client.destroy());
    upstream.on("close", () => {
      if (!pair.hung) client.destroy();
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);

  return {
    url: url.toString(),
    forward: () => {
      mode = "forward";
    },
    hang: (options = {}) => {
      for (const pair of pairs) if (!pair.hung) hangPair(pair);
      mode = options.newConnections === "hang" ? "hang" : "forward";
    },
    refuse: () => {
      mode = "refuse";
      for (const pair of pairs) {
        pair.client.resetAndDestroy();
        pair.server?.destroy();
      }
    },
    get opened() {
      return opened;
    },
    close: async () => {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.server?.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * For a test file whose app code must reach the database through a proxy: call in
 * beforeAll, before anything in the file has used the database (each test file runs in a
 * process of its own, so the process-wide Prisma client is made on first use, from these
 * settings). `settings` are extra environment variables (short timeouts).
 */
export async function routeDatabaseThroughProxy(settings: Record<string, string> = {}): Promise<FaultProxy> {
  const { resetEnvCacheForTests } = await import("@/lib/env");
  const proxy = await startFaultProxy(process.env.DATABASE_URL!);
  process.env.DATABASE_URL = proxy.url;
  Object.assign(process.env, settings);
  resetEnvCacheForTests();
  return proxy;
}
