/** The column kinds the schema declares its tables with (schema.ts and its parts). */
export interface Column<Sql extends 'text' | 'integer', Nullable extends boolean, Defaulted extends boolean> {
  readonly sql: Sql;
  readonly nullable: Nullable;
  /** The database fills it when an insert leaves it out (a DEFAULT or an identity). */
  readonly defaulted: Defaulted;
}

const column = <Sql extends 'text' | 'integer', Nullable extends boolean, Defaulted extends boolean>(
  sql: Sql,
  nullable: Nullable,
  defaulted: Defaulted,
): Column<Sql, Nullable, Defaulted> => ({ sql, nullable, defaulted });

export const text = column('text', false, false);
export const textOrNull = column('text', true, false);
export const textWithDefault = column('text', false, true);
export const int = column('integer', false, false);
export const intOrNull = column('integer', true, false);
export const intWithDefault = column('integer', false, true);
/** INTEGER PRIMARY KEY on SQLite, an identity column on Postgres. */
export const id = column('integer', false, true);
