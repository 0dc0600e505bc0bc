import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../..');

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface ServiceProcess {
  url: string;
  stop(): Promise<void>;
}

/** Runs a service as its own process, as `npm start` does, and waits until it is ready. */
export const startServiceProcess = async (
  service: string,
  env: Record<string, string>,
): Promise<ServiceProcess> => {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(REPO_ROOT, `services/${service}/src/main.ts`)],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: path.join(REPO_ROOT, 'tsconfig.base.json'),
        LOG_LEVEL: 'error',
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${service} exited with ${child.exitCode} while starting`);
    const ready = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${service} did not become ready in 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};
