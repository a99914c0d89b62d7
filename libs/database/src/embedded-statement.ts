import { SqlParams } from './sql-params';

/** A data-modifying statement that another statement embeds as a CTE: it adds its values and returns its SQL. */
export type EmbeddedStatement = (params: SqlParams) => string;

/** The embedded statements as CTE definitions named `also1`, `also2`, …, each prefixed with a comma. */
export function embedStatements(statements: EmbeddedStatement[], params: SqlParams): string {
  return statements
    .map(
      (build, index) => `,
       also${index + 1} AS (${build(params)})`,
    )
    .join('');
}
