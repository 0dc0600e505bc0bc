import type { z } from 'zod';

import type { ConfigProblem } from './config-validation.error';
import { ConfigValidationError } from './config-validation.error';

type Env = Record<string, string | undefined>;

// An empty variable (`PORT=`) means "not set", as shells and .env files usually intend.
const withoutEmptyValues = (env: Env): Env =>
  Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );

const describeProblem = (schema: z.ZodObject, env: Env, issue: z.core.$ZodIssue): ConfigProblem => {
  // A list item's issue (KAFKA_BROKERS.0) is still about the variable itself.
  const [first] = issue.path;
  if (first === undefined) return { variable: '(environment)', message: issue.message };
  const variable = String(first);
  if (env[variable] === undefined) {
    const what = (schema.shape[variable] as z.ZodType | undefined)?.description;

    return { variable, message: what ? `is not set: ${what}` : 'is not set' };
  }

  // Values are never echoed: URLs carry passwords.
  return { variable, message: issue.message };
};

/**
 * Validates the environment against a service's schema once, at start, and returns the typed
 * result; throws a {@link ConfigValidationError} naming each missing or bad variable.
 */
export const loadConfig = <TSchema extends z.ZodObject>(
  schema: TSchema,
  env: Env = process.env,
): z.output<TSchema> => {
  const present = withoutEmptyValues(env);
  const result = schema.safeParse(present);
  if (result.success) return result.data;

  const problems = result.error.issues.map((issue) => describeProblem(schema, present, issue));
  // Two bad brokers in one list are one line for the reader.
  const unique = problems.filter(
    (problem, index) =>
      problems.findIndex(
        (p) => p.variable === problem.variable && p.message === problem.message,
      ) === index,
  );
  throw new ConfigValidationError(present['SERVICE_NAME'], unique);
};
