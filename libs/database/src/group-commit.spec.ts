import { GroupCommit } from './group-commit';

function recordingFlush(answer: (item: number) => number | Error = (item) => item * 10) {
  const batches: number[][] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  const flush = async (items: number[]) => {
    batches.push(items);
    if (gate) await gate;
    return items.map(answer);
  };
  return {
    batches,
    flush,
    hold: () => {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => {
      gate = null;
      release();
    },
  };
}

describe('GroupCommit', () => {
  it('writes what is submitted together as one batch and answers each caller with its own result', async () => {
    const recorder = recordingFlush();
    const group = new GroupCommit(recorder.flush, { maxBatch: 10, maxConcurrentFlushes: 1 });
    await expect(Promise.all([1, 2, 3].map((n) => group.submit(n)))).resolves.toEqual([10, 20, 30]);
    expect(recorder.batches).toEqual([[1, 2, 3]]);
  });

  it('rejects only the item whose outcome is an error', async () => {
    const recorder = recordingFlush((item) => (item === 2 ? new Error('refused') : item));
    const group = new GroupCommit(recorder.flush, { maxBatch: 10, maxConcurrentFlushes: 1 });
    const results = await Promise.allSettled([1, 2, 3].map((n) => group.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('refused');
  });

  it('rejects the whole batch when the flush fails, and keeps serving later submissions', async () => {
    let fail = true;
    const group = new GroupCommit(
      async (items: number[]) => {
        if (fail) throw new Error('database gone');
        return items;
      },
      { maxBatch: 10, maxConcurrentFlushes: 1 },
    );
    const first = await Promise.allSettled([group.submit(1), group.submit(2)]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(group.submit(3)).resolves.toBe(3);
  });

  it('collects what arrives during a flush into the next batch, never larger than maxBatch', async () => {
    const recorder = recordingFlush();
    const group = new GroupCommit(recorder.flush, { maxBatch: 2, maxConcurrentFlushes: 1 });
    recorder.hold();
    const first = group.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(recorder.batches).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => group.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(recorder.batches).toHaveLength(1);
    recorder.release();
    await expect(Promise.all([first, ...later])).resolves.toEqual([10, 20, 30, 40]);
    expect(recorder.batches).toEqual([[1], [2, 3], [4]]);
  });

  it('rejects every item when the flush answers the wrong number of outcomes', async () => {
    const group = new GroupCommit(async () => [1], { maxBatch: 10, maxConcurrentFlushes: 1 });
    const results = await Promise.allSettled([group.submit(1), group.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
