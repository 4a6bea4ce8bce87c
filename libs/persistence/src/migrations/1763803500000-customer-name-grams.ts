import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer search at scale (issue 14 #3, `GET /cases?customer=`): the list's
 * `customer_name ILIKE '%…%'` read every case of the organisation (~100 ms at 250 k cases).
 * pg_trgm cannot help: the clusters run in the C locale, where a CJK name yields no trigrams.
 * So each case row carries the single characters and the bigrams of its lowercased customer
 * name (`customer_name_grams`, a generated column: every writer — the workflows' upsert, the
 * seeds, the benches — fills it, and adding it backfills the existing rows), with a GIN index.
 *
 * A name contains the query only if it contains each of the query's bigrams (each character, for
 * a one-character query): `customer_name_grams @> case_search_query_grams(:q)` finds a superset
 * from the index, the unchanged ILIKE keeps exactly what it kept before. Both sides lowercase with
 * the same `lower()` ILIKE uses (ASCII only in the C locale), so the superset is never smaller.
 * Names are short (a Chinese name: 3 characters, 5 grams), so the index stays small.
 */
export class CustomerNameGrams1763803500000 implements MigrationInterface {
  name = 'CustomerNameGrams1763803500000';

  async up(q: QueryRunner): Promise<void> {
    // every character and every pair of neighbouring characters of lower(s), once each
    await q.query(`
      CREATE FUNCTION case_search_grams(s text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN ARRAY(
          SELECT DISTINCT substr(lower(s), i, n)
            FROM generate_series(1, char_length(s)) AS i, (VALUES (1), (2)) AS len(n)
           WHERE i + n - 1 <= char_length(s))`);
    // what a query needs: its bigrams, or its one character; '{}' for an empty query
    await q.query(`
      CREATE FUNCTION case_search_query_grams(s text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN ARRAY(
          SELECT DISTINCT substr(lower(s), i, least(2, char_length(s)))
            FROM generate_series(1, greatest(char_length(s) - 1, 1)) AS i
           WHERE char_length(s) > 0)`);
    await q.query(`
      ALTER TABLE cases ADD COLUMN customer_name_grams text[]
        GENERATED ALWAYS AS (case_search_grams(customer_name)) STORED`);
    await q.query(
      `CREATE INDEX cases_customer_name_grams_idx ON cases USING gin (customer_name_grams)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_customer_name_grams_idx`);
    await q.query(`ALTER TABLE cases DROP COLUMN customer_name_grams`);
    await q.query(`DROP FUNCTION case_search_query_grams(text)`);
    await q.query(`DROP FUNCTION case_search_grams(text)`);
  }
}
