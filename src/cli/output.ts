// Where the CLI's words go: results to stdout, warnings and errors to stderr.
export interface Output {
  write(text: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const processOutput: Output = {
  write: (text) => process.stdout.write(text),
  warn: (message) => process.stderr.write(`groundwork: warning: ${message}\n`),
  error: (message) => process.stderr.write(`groundwork: error: ${message}\n`),
};

/** Bad usage: the message is shown with the usage line and the exit code is 2. */
export class UsageError extends Error {}
