/**
 * The services the gateway forwards `/api/<service>/…` to (DESIGN §3). A new service is one name
 * here and its `<SERVICE>_URL`; nothing else in the environment can become a route, so a stray
 * variable never receives callers' tokens.
 */
export const FORWARDED_SERVICES = [
  'organisation',
  'rights',
  'hardship-aid',
  'activities',
  'reporting',
] as const;

/** `hardship-aid` → `HARDSHIP_AID_URL`. */
const serviceUrlVariable = (service: string): string =>
  `${service.toUpperCase().replaceAll('-', '_')}_URL`;

/**
 * Where `/api/<service>/…` goes, by service name: one route per forwarded service whose URL is
 * given, so a service that is not deployed (yet) has none and is answered 404.
 */
export const serviceRoutes = (
  env: Readonly<Record<string, unknown>>,
): Readonly<Record<string, string>> =>
  Object.fromEntries(
    FORWARDED_SERVICES.flatMap((service) => {
      const url = env[serviceUrlVariable(service)];

      return typeof url === 'string' && url ? [[service, url] as const] : [];
    }),
  );
