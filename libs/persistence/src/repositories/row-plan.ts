import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** How one column of a raw row becomes an entity property. */
export interface ColumnPlan {
  property: string;
  /** the raw row's key: the column's name, or a prefixed alias (`c__<name>` for a joined case) */
  key: string;
  /** the column's transformer(s) from the database, as TypeORM applies them; null: none */
  from: ((value: unknown) => unknown) | null;
}

/**
 * An entity read from raw rows without TypeORM's per-call query building: the column list and
 * the mapping are worked out once from the metadata. On the API's hot reads — the guard's user
 * row and the task row of every task command — `findOneBy` spent ~0.4 ms of CPU per call building
 * the same SELECT and walking the metadata (issue 14, a V8 profile of bench:api), more than the
 * round trip itself. Values arrive parsed by pg's type parsers (as TypeORM's postgres driver
 * receives them); transformers are applied as TypeORM applies them (the last one first).
 */
export interface RowPlan<T> {
  /** `"col" AS "<prefix>col", …` for a SELECT list, table alias included */
  select(alias: string, prefix?: string): string;
  columns: ColumnPlan[];
  read(row: Record<string, unknown>, prefix?: string): T;
}

export function rowPlan<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
): RowPlan<T> {
  const meta = ds.getMetadata(entity);
  const plans = new Map<string, ColumnPlan[]>();
  const columnsFor = (prefix: string): ColumnPlan[] => {
    let cols = plans.get(prefix);
    if (!cols) {
      cols = meta.columns.map((col) => columnPlan(col, `${prefix}${col.databaseName}`));
      plans.set(prefix, cols);
    }
    return cols;
  };
  return {
    select: (alias, prefix = '') =>
      meta.columns
        .map((c) => `${alias}."${c.databaseName}" AS "${prefix}${c.databaseName}"`)
        .join(', '),
    columns: columnsFor(''),
    read: (row, prefix = '') => {
      const target = meta.create() as T;
      fill(target, columnsFor(prefix), row);
      return target;
    },
  };
}

export function columnPlan(col: ColumnMetadata, key: string): ColumnPlan {
  const t = col.transformer;
  const from = !t
    ? null
    : Array.isArray(t)
      ? (value: unknown) => t.reduceRight((v, x) => x.from(v) as unknown, value)
      : (value: unknown) => t.from(value) as unknown;
  return { property: col.propertyName, key, from };
}

export function fill(target: object, columns: ColumnPlan[], r: Record<string, unknown>): void {
  const into = target as Record<string, unknown>;
  for (const c of columns) {
    const value = r[c.key];
    into[c.property] = c.from ? c.from(value) : value;
  }
}
