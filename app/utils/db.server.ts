// The application's database handle, opened lazily from the validated environment.
import { openDatabase, type Db } from "../../db/client";
import { getEnv } from "./env.server";

let db: Db | undefined;

export function getDb(): Db {
  if (!db) {
    const env = getEnv();
    db = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN).db;
  }
  return db;
}
