// Where the CLI's words go: results to stdout, warnings and errors to stderr. Warnings and errors name files
// and quote their contents, so they are printed with control characters escaped (printable.ts); line breaks
// are kept, for stack traces and usage text.
import { printable } from '../core/report/printable.js';

export interface Output {
  write(text: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const printableLines = (text: string) => text.split('\n').map(printable).join('\n');

export const processOutput: Output = {
  write: (text) => process.stdout.write(text),
  warn: (message) => process.stderr.write(`groundwork: warning: ${printableLines(message)}\n`),
  error: (message) => process.stderr.write(`groundwork: error: ${printableLines(message)}\n`),
};

/** Bad usage: the message is shown with the usage line and the exit code is 2. */
export class UsageError extends Error {}
