import net from 'node:net';

/** `count` different ports nobody listens on now (held open together so that they differ). */
export const freePorts = async (count: number): Promise<number[]> => {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));

  return ports;
};

/** A port nobody listens on now. */
export const freePort = async (): Promise<number> => (await freePorts(1))[0]!;
