/** `HARDSHIP_AID_URL` → `hardship-aid`: the variable that names a service's URL. */
const SERVICE_URL_VARIABLE = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)_URL$/;
const HTTP_URL = /^https?:\/\//i;

const serviceNameOf = (variable: string): string | undefined =>
  SERVICE_URL_VARIABLE.exec(variable)?.[1]?.toLowerCase().replaceAll('_', '-');

/**
 * The `<SERVICE>_URL` variables whose value is an http(s) URL (DATABASE_URL, REDIS_URL and the
 * like are not), by variable name: the services the gateway may forward to.
 */
export const serviceUrlVariables = (env: Record<string, unknown>): string[] =>
  Object.keys(env).filter(
    (variable) =>
      serviceNameOf(variable) !== undefined &&
      typeof env[variable] === 'string' &&
      HTTP_URL.test(env[variable]),
  );

/**
 * Where `/api/<service>/…` goes, by service name: one route per `<SERVICE>_URL` given, so a
 * service that is not deployed (yet) has none and is answered 404, and a new one needs only its
 * variable. The gateway's own URL (npm start gives every service every URL) is not a route.
 */
export const serviceRoutes = (
  env: Record<string, unknown>,
  ownName: string,
): Readonly<Record<string, string>> =>
  Object.fromEntries(
    serviceUrlVariables(env)
      .map((variable) => [serviceNameOf(variable)!, env[variable] as string] as const)
      .filter(([service]) => service !== ownName),
  );
