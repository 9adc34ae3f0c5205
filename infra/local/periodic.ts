/**
 * Background work of the local stack that AWS runs on a schedule (EventBridge). A run
 * never overlaps the previous one, and a failing run is logged without stopping the next.
 */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export class Periodic {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly log: (line: string) => void = (line) => console.error(line)) {}

  /** Runs `task.run` every `task.everyMs`, the first time one period from now. */
  every(task: PeriodicTask): void {
    if (this.stopped) throw new Error('Periodic tasks cannot be added after stop()');
    let busy = false;
    const timer = setInterval(() => {
      if (busy || this.stopped) return;
      busy = true;
      const run = task
        .run()
        .catch((error: unknown) => this.log(`[${task.name}] failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          busy = false;
          this.running.delete(run);
        });
      this.running.add(run);
    }, task.everyMs);
    this.timers.add(timer);
  }

  /** No new runs start; the ones under way are awaited. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    await Promise.all(this.running);
  }
}
