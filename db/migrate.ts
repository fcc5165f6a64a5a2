// Applies the committed drizzle-kit migrations in db/migrations, one migrator at a time: several instances
// starting together on one database (a file, or a libSQL server) wait for each other's migration lock.
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Client } from "@libsql/client";
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { enableWal, openDatabase, type Db } from "./client";

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** One row at most: the migrator at work, and when it last said it still was. */
export const MIGRATION_LOCK_TABLE = "__pivot_migration_lock";
/** A lock not renewed for this long belongs to a migrator that died: the next one takes it over. */
export const MIGRATION_LOCK_STALE_MS = 60_000;
const HEARTBEAT_MS = 5_000;
/** How long a migrator waits for another one before giving up. */
const WAIT_MS = 10 * 60_000;

type LockOptions = { staleMs?: number; waitMs?: number; owner?: string };

function isBusy(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const { code, extendedCode } = e as { code?: unknown; extendedCode?: unknown };
    if ([code, extendedCode].some((c) => typeof c === "string" && c.startsWith("SQLITE_BUSY"))) return true;
  }
  return false;
}

/** Claims the lock with one atomic statement: true when this migrator holds it. */
async function claim(client: Client, owner: string, staleMs: number) {
  const now = Date.now();
  const [row] = (await client.execute(`select owner, heartbeat_at from ${MIGRATION_LOCK_TABLE} where id = 1`)).rows;
  if (row && Number(row.heartbeat_at) >= now - staleMs) return false;
  // The holder died: its row goes, unless it beat again meanwhile.
  if (row) await client.execute({ sql: `delete from ${MIGRATION_LOCK_TABLE} where id = 1 and heartbeat_at < ?`, args: [now - staleMs] });
  const inserted = await client.execute({
    sql: `insert into ${MIGRATION_LOCK_TABLE} (id, owner, heartbeat_at) values (1, ?, ?) on conflict (id) do nothing`,
    args: [owner, now],
  });
  return inserted.rowsAffected === 1;
}

/**
 * Runs `work` holding the migration lock of the database at `url`: a row claimed by an atomic insert,
 * waited for with backoff, renewed while `work` runs, released afterwards (even when `work` fails).
 */
export async function withMigrationLock<T>(url: string, authToken: string | undefined, work: (handle: { db: Db; client: Client }) => Promise<T>, options: LockOptions = {}): Promise<T> {
  const { staleMs = MIGRATION_LOCK_STALE_MS, waitMs = WAIT_MS, owner = `${process.pid}-${crypto.randomUUID()}` } = options;
  let handle = openDatabase(url, authToken);
  try {
    await enableWal(handle.client, url);
    await handle.client.execute(
      `create table if not exists ${MIGRATION_LOCK_TABLE} (id integer primary key check (id = 1), owner text not null, heartbeat_at integer not null)`,
    );
    const deadline = Date.now() + waitMs;
    for (let pause = 25; ; pause = Math.min(pause * 2, 1_000)) {
      try {
        if (await claim(handle.client, owner, staleMs)) break;
      } catch (error) {
        if (!isBusy(error)) throw error;
        // The other migrator kept the file locked past the busy timeout. The embedded driver may leave
        // such a failed statement open on its connection: start again on a new one.
        handle.client.close();
        handle = openDatabase(url, authToken);
      }
      if (Date.now() > deadline) throw new Error(`migrations : une autre instance les applique depuis plus de ${Math.round(waitMs / 60_000)} min (table ${MIGRATION_LOCK_TABLE})`);
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
    }
    const { client } = handle;
    const heartbeat = setInterval(() => {
      client.execute({ sql: `update ${MIGRATION_LOCK_TABLE} set heartbeat_at = ? where id = 1 and owner = ?`, args: [Date.now(), owner] }).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      return await work(handle);
    } finally {
      clearInterval(heartbeat);
      await client.execute({ sql: `delete from ${MIGRATION_LOCK_TABLE} where owner = ?`, args: [owner] });
    }
  } finally {
    handle.client.close();
  }
}

/**
 * Applies the migrations not applied yet, holding the migration lock; then runs `then` (demo data) under
 * the same lock, so that two instances starting together never seed twice.
 */
export async function migrateDatabase(url: string, authToken?: string, then?: (db: Db) => Promise<unknown>, options?: LockOptions) {
  await withMigrationLock(
    url,
    authToken,
    async ({ db }) => {
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      await then?.(db);
    },
    options,
  );
}
