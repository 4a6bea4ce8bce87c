import { migratedDatabase } from './shared';

/** Integration tier: a real PostgreSQL with the migrations applied. */
export default async function globalSetup(): Promise<void> {
  process.env.ASO_INT_DATABASE_URL = await migratedDatabase('aso_int');
}
