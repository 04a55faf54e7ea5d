// When to check a draft: after the writer pauses (debounce), never two runs of one draft at once, and a run
// that a newer edit overtakes is cancelled so its stale result is never published. A run that throws is
// reported to `onError` with its draft: it runs from a timer, where a rejection would end the server.

export interface CheckRun {
  readonly cancelled: boolean;
}

export class CheckScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, { cancelled: boolean }>();

  constructor(
    private readonly run: (uri: string, token: CheckRun) => Promise<void>,
    private readonly delayMs: () => number,
    private readonly onError: (uri: string, error: unknown) => void,
  ) {}

  /** Check `uri` once nothing else is scheduled for it for the debounce delay (or `delayMs`). */
  schedule(uri: string, delayMs = this.delayMs()): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.start(uri);
      }, delayMs),
    );
  }

  /** Drop the pending check and mark the running one cancelled. */
  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    const running = this.running.get(uri);
    if (running) running.cancelled = true;
  }

  dispose(): void {
    for (const uri of [...this.timers.keys(), ...this.running.keys()]) this.cancel(uri);
  }

  private async start(uri: string): Promise<void> {
    const token = { cancelled: false };
    this.running.set(uri, token);
    try {
      await this.run(uri, token);
    } catch (error) {
      this.onError(uri, error);
    } finally {
      if (this.running.get(uri) === token) this.running.delete(uri);
    }
  }
}
