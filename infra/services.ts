import fs from 'node:fs';
import path from 'node:path';

/** Every service the platform knows, with its port on one machine (DESIGN §3). */
export const KNOWN_SERVICES = [
  { name: 'gateway', port: 8080, database: true },
  { name: 'organisation', port: 3001, database: true },
  { name: 'rights', port: 3002, database: true },
  { name: 'hardship-aid', port: 3003, database: true },
  { name: 'activities', port: 3004, database: true },
  { name: 'reporting', port: 3005, database: true },
] as const;

export interface ServiceDefinition {
  name: string;
  port: number;
  /** Whether the service owns a PostgreSQL database (`taizhang_<name>`). */
  database: boolean;
  /** The entry point, relative to the repository root. */
  main: string;
}

export const REPO_ROOT = path.resolve(__dirname, '..');

/** The services that exist in this checkout: those with a `services/<name>/src/main.ts`. */
export const services = (root: string = REPO_ROOT): ServiceDefinition[] =>
  KNOWN_SERVICES.map((service) => ({
    ...service,
    main: `services/${service.name}/src/main.ts`,
  })).filter((service) => fs.existsSync(path.join(root, service.main)));

// A web app under services/ (the dashboard, tagged type:web) is files the gateway serves, not a
// process of its own.
const isWebApp = (dir: string): boolean => {
  const project = path.join(dir, 'project.json');

  return (
    fs.existsSync(project) &&
    ((JSON.parse(fs.readFileSync(project, 'utf8')) as { tags?: string[] }).tags ?? []).includes(
      'type:web',
    )
  );
};

/** The service folders under `services/`, whether or not they can run yet (web apps aside). */
export const serviceFolders = (root: string = REPO_ROOT): string[] => {
  const dir = path.join(root, 'services');

  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !isWebApp(path.join(dir, entry.name)))
        .map((entry) => entry.name)
        .sort()
    : [];
};
