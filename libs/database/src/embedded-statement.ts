/** A data-modifying statement that another statement embeds as a CTE, its parameters numbered from `first`. */
export type EmbeddedStatement = (first: number) => { sql: string; params: unknown[] };

/**
 * Appends each embedded statement's parameters to `params` (numbering them after what is there) and
 * returns their SQL as CTE definitions named `also1`, `also2`, …, each prefixed with a comma.
 */
export function embedStatements(statements: EmbeddedStatement[], params: unknown[]): string {
  return statements
    .map((build, index) => {
      const { sql, params: own } = build(params.length + 1);
      params.push(...own);
      return `,
       also${index + 1} AS (${sql})`;
    })
    .join('');
}
