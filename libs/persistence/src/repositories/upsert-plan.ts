import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** One SQL statement and its parameters. */
export interface Sql {
  text: string;
  values: unknown[];
}

/**
 * A keyed multi-row upsert of an entity, built from its columns once instead of by TypeORM's
 * insert builder per write: a complaint writes its tasks ~11 times and its documents ~5 times
 * (issue 14). Parameters are numbered after `offset` others, so the statement can run as a
 * data-modifying WITH in front of another one (a case write's tasks and documents before its
 * snapshot: one round trip). As TypeORM's insert did, an absent value takes the column's
 * default and json/jsonb values are sent as JSON text (node-pg would send an array as a
 * PostgreSQL array literal). Entities with transformers are not supported.
 */
export interface UpsertPlan<T> {
  sql(rows: readonly T[], offset: number): Sql;
}

export function upsertPlan<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  keyed: { table: string; conflict: readonly string[]; updated: readonly string[] },
): UpsertPlan<T> {
  let columns: Array<{ name: string; property: string; hasDefault: boolean; json: boolean }>;
  const plan = () =>
    (columns ??= ds.getMetadata(entity).columns.map((c) => {
      if (c.transformer) throw new Error(`upsertPlan: ${c.databaseName} has a transformer`);
      return {
        name: c.databaseName,
        property: c.propertyName,
        hasDefault: c.default !== undefined,
        json: c.type === 'jsonb' || c.type === 'json',
      };
    }));
  const onConflict = `ON CONFLICT (${keyed.conflict.join(', ')}) DO UPDATE SET ${keyed.updated
    .map((c) => `"${c}" = EXCLUDED."${c}"`)
    .join(', ')}`;
  return {
    sql(rows, offset) {
      const cols = plan();
      const values: unknown[] = [];
      const tuples = rows.map((row) => {
        const record = row as Record<string, unknown>;
        const cells = cols.map((c) => {
          const v = record[c.property];
          if (v === undefined && c.hasDefault) return 'DEFAULT';
          values.push(v == null ? null : c.json ? JSON.stringify(v) : v);
          return `$${offset + values.length}`;
        });
        return `(${cells.join(', ')})`;
      });
      const names = cols.map((c) => `"${c.name}"`).join(', ');
      return {
        text: `INSERT INTO ${keyed.table} (${names}) VALUES ${tuples.join(', ')} ${onConflict}`,
        values,
      };
    },
  };
}
