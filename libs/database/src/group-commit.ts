/**
 * Group commit for a hot write path: callers submit one item each and get their own result, while the
 * items that arrive during a flush are written together by a later one, in a single transaction. At
 * low load a flush starts on the next turn of the event loop, so nobody waits for a timer; under load
 * batches grow by themselves and the per-item cost of round trips and commits shrinks. A few flushes
 * may run at once so that the database and this process work in parallel rather than taking turns.
 *
 * `flush` returns one outcome per item, in order: a value, or an Error for that item alone. If `flush`
 * itself throws, every item of that batch is rejected with the error.
 */
interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<Item, Result> {
  private pending: Waiting<Item, Result>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly flush: (items: Item[]) => Promise<(Result | Error)[]>,
    private readonly options: { maxBatch: number; maxConcurrentFlushes: number },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.scheduled && this.running < this.options.maxConcurrentFlushes) {
        this.scheduled = true;
        // Everything submitted during this turn of the event loop joins the batch.
        setImmediate(() => {
          this.scheduled = false;
          this.startFlushes();
        });
      }
    });
  }

  private startFlushes(): void {
    while (this.pending.length > 0 && this.running < this.options.maxConcurrentFlushes) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.startFlushes();
      });
    }
  }

  private async run(batch: Waiting<Item, Result>[]): Promise<void> {
    try {
      const outcomes = await this.flush(batch.map((entry) => entry.item));
      if (outcomes.length !== batch.length) throw new Error(`GroupCommit flush answered ${outcomes.length} outcomes for ${batch.length} items`);
      batch.forEach((entry, index) => {
        const outcome = outcomes[index];
        if (outcome instanceof Error) entry.reject(outcome);
        else entry.resolve(outcome);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
