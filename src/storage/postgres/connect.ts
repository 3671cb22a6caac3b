import { Pool, types, type CustomTypesConfig, type PoolConfig } from 'pg';

/**
 * pg returns int8 (count(*), sum()) and numeric as strings, to be safe beyond 2^53. Our counts and
 * ids are far below that, and the SQLite side returns numbers, so both engines hand the
 * repositories the same JavaScript types. Set per pool, not on pg's global parser table.
 */
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const asNumber = (value: string): number => Number(value);

const typeParsers: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return asNumber;
    // pg-types declares its parsers as returning any; they return what pg would have returned.
    const parser: (value: string) => unknown = types.getTypeParser(oid, format ?? 'text') as (
      value: string,
    ) => unknown;
    return parser;
  }) as CustomTypesConfig['getTypeParser'],
};

export interface PostgresOptions {
  /** Connections in this process's pool; several replicas each have their own. */
  readonly maxConnections?: number;
}

export function openPostgresPool(url: string, options: PostgresOptions = {}): Pool {
  const config: PoolConfig = {
    connectionString: url,
    max: options.maxConnections ?? 10,
    types: typeParsers,
    application_name: 'homecoming',
  };
  return new Pool(config);
}
