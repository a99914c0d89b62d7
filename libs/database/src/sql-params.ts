/**
 * The parameters of one statement, handing out their placeholders as values are added, so that statements
 * composed from fragments (filters, embedded CTEs) never number `$n` by hand.
 */
export class SqlParams {
  private readonly list: unknown[];

  constructor(initial: readonly unknown[] = []) {
    this.list = [...initial];
  }

  /** Adds a value and returns its placeholder, with the cast if one is given: `$3`, `$3::uuid[]`. */
  add(value: unknown, cast?: string): string {
    this.list.push(value);
    return cast ? `$${this.list.length}::${cast}` : `$${this.list.length}`;
  }

  /** The values, in placeholder order, for the driver. */
  get values(): unknown[] {
    return this.list;
  }
}
