// Opens the database: an embedded SQLite file by default, a libSQL server / Turso by URL.
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = ReturnType<typeof drizzle<typeof schema>>;

export function isFileUrl(url: string) {
  return url.startsWith("file:");
}

export function openDatabase(url: string, authToken?: string): { db: Db; client: Client } {
  if (isFileUrl(url)) {
    const file = url.slice("file:".length);
    if (file && file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  // `timeout` is the busy timeout for every pooled connection (a PRAGMA would reach only one).
  const client = createClient({ url, authToken, timeout: 5000 } as Parameters<typeof createClient>[0]);
  const db = drizzle(client, { schema });
  return { db, client };
}

/** WAL is stored in the file itself, so one PRAGMA at set-up is enough. */
export async function enableWal(client: Client, url: string) {
  if (isFileUrl(url)) await client.execute("PRAGMA journal_mode = WAL");
}
