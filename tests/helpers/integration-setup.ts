// Each integration test file gets its own real database, migrated and seeded: a SQLite file, or, with
// PIVOT_TEST_SQLD=1 (npm run test:scale-out), its own libSQL server (sqld) started for the file.
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { migrateDatabase } from "../../db/migrate";
import { seedDemo } from "../../db/seed";
import { createPathFor } from "~/models/path.server";
import { FIXTURE_CONTENT_DIR, TMP } from "./paths";
import { startSqld } from "./sqld";

fs.mkdirSync(TMP, { recursive: true });
const dir = fs.mkdtempSync(path.join(TMP, "db-"));
let url = `file:${path.join(dir, "test.db")}`;
if (process.env.PIVOT_TEST_SQLD === "1") {
  const sqld = await startSqld();
  afterAll(() => sqld.stop());
  url = sqld.url;
}
process.env.DATABASE_URL = url;
process.env.DATA_DIR = dir;
process.env.SESSION_SECRET = "integration-tests-secret-0123456789abcdef";
process.env.PIVOT_CONTENT_DIR = FIXTURE_CONTENT_DIR;

await migrateDatabase(url, undefined, (db) => seedDemo(db, new Date(), { createPath: (db, userId) => createPathFor(userId, db) }));
