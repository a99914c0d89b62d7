import { JobNames } from './queue-definitions';

/**
 * Fails at boot unless every job name is handled by exactly one processor, so a renamed or forgotten
 * job cannot sit in a queue unprocessed.
 */
export function assertEveryJobHandledOnce(handledBy: Record<string, readonly string[]>): void {
  const owners = new Map<string, string[]>();
  for (const [processor, names] of Object.entries(handledBy)) {
    for (const name of names) owners.set(name, [...(owners.get(name) ?? []), processor]);
  }
  const problems: string[] = [];
  for (const name of Object.values(JobNames)) {
    const by = owners.get(name) ?? [];
    if (by.length !== 1) problems.push(`${name} is handled by ${by.length === 0 ? 'no processor' : by.join(', ')}`);
  }
  for (const name of owners.keys()) {
    if (!(Object.values(JobNames) as string[]).includes(name)) problems.push(`${name} is not a known job name`);
  }
  if (problems.length > 0) throw new Error(`Job handlers are inconsistent: ${problems.join('; ')}`);
}
