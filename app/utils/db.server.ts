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

/**
 * A query built once per database handle (drizzle's prepared query, values bound at each run): the reads
 * every page makes skip rebuilding their SQL, which cost more than running it.
 */
export function prepared<T>(build: (db: Db) => T): () => T {
  const byHandle = new WeakMap<Db, T>();
  return () => {
    const handle = getDb();
    let query = byHandle.get(handle);
    if (!query) byHandle.set(handle, (query = build(handle)));
    return query;
  };
}
