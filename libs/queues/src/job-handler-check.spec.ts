import { assertEveryJobHandledOnce } from './job-handler-check';
import { JobNames } from './queue-definitions';

describe('assertEveryJobHandledOnce', () => {
  const all = Object.values(JobNames);

  it('accepts one handler per job name', () => {
    expect(() => assertEveryJobHandledOnce({ a: all.slice(0, 2), b: all.slice(2) })).not.toThrow();
  });

  it('names a job nobody handles, one handled twice, and an unknown one', () => {
    expect(() => assertEveryJobHandledOnce({ a: all.slice(1) })).toThrow(`${all[0]} is handled by no processor`);
    expect(() => assertEveryJobHandledOnce({ a: all, b: [all[0]] })).toThrow(`${all[0]} is handled by a, b`);
    expect(() => assertEveryJobHandledOnce({ a: [...all, 'ghost'] })).toThrow('ghost is not a known job name');
  });
});
