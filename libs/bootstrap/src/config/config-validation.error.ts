/** One environment variable that is missing or wrong, in plain words. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** The environment does not satisfy the service's schema; the message names every variable. */
export class ConfigValidationError extends Error {
  constructor(
    readonly serviceName: string | undefined,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      [
        `The environment of ${serviceName ?? 'this service'} is not valid; fix these variables and start again:`,
        // Our own messages continue the sentence ("PORT must be …"); zod's defaults are capitalised.
        ...problems.map(
          ({ variable, message }) =>
            `  - ${variable}${/^[a-z]/.test(message) ? ' ' : ': '}${message}`,
        ),
      ].join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}
