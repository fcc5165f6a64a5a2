// Applies the committed drizzle-kit migrations in db/migrations.
import { migrate } from "drizzle-orm/libsql/migrator";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { enableWal, openDatabase } from "./client";

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export async function migrateDatabase(url: string, authToken?: string) {
  const { db, client } = openDatabase(url, authToken);
  try {
    await enableWal(client, url);
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    client.close();
  }
}
