// The child side of a measurement: each one that must not be disturbed by another (peak memory, a cold start)
// runs in a process of its own, reads its job from argv and prints its result as one marked JSON line on stdout.
// Its stderr is the run's progress log.

export const RESULT_MARK = '@@bench-result ';

export function childJob<Job>(): Job {
  return JSON.parse(process.argv[2]) as Job;
}

export function reportResult(result: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** Runs the child's main; a failure is printed and ends the process with code 1, which the parent reports. */
export function runMain(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
