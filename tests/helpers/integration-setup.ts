// Each integration test file gets its own real SQLite file, migrated and seeded.
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../db/migrate";
import { openDatabase } from "../../db/client";
import { seedDemo } from "../../db/seed";
import { createPathFor } from "~/models/path.server";
import { FIXTURE_CONTENT_DIR, TMP } from "./paths";

fs.mkdirSync(TMP, { recursive: true });
const dir = fs.mkdtempSync(path.join(TMP, "db-"));
const url = `file:${path.join(dir, "test.db")}`;
process.env.DATABASE_URL = url;
process.env.DATA_DIR = dir;
process.env.SESSION_SECRET = "integration-tests-secret-0123456789abcdef";
process.env.PIVOT_CONTENT_DIR = FIXTURE_CONTENT_DIR;

await migrateDatabase(url);
const { db, client } = openDatabase(url);
await seedDemo(db, new Date(), { createPath: (db, userId) => createPathFor(userId, db) });
client.close();
