// Prepares the database before the server starts: validates the environment, applies migrations,
// seeds demo data when the database is empty.
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { demoWanted, seedDemo } from "../db/seed";
import { EnvError, getEnv } from "~/utils/env.server";
import { createPathFor } from "~/models/path.server";

try {
  const env = getEnv();
  await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  const { db, client } = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  const seeded = demoWanted({ databaseUrl: env.DATABASE_URL, pivotDemo: env.PIVOT_DEMO })
    ? await seedDemo(db, new Date(), { createPath: (db, userId) => createPathFor(userId, db), demoHistory: true })
    : false;
  client.close();
  console.log(`base de données prête (${env.DATABASE_URL})${seeded ? " : comptes de démonstration créés" : ""}`);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
