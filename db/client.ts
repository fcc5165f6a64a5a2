// Opens the database: an embedded SQLite file by default, a libSQL server / Turso by URL.
import { createClient, type Client, type InArgs, type InStatement } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { isReadStatement } from "./statement-kind";

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
  if (isFileUrl(url)) takeTurnsToWrite(db, client);
  return { db, client };
}

// Only pure reads skip the queue; anything that may write, or that the classifier does not follow, takes its turn.
const isRead = (stmt: InStatement) => isReadStatement(typeof stmt === "string" ? stmt : stmt.sql);

/**
 * The embedded driver runs each statement synchronously. A write that meets another connection's open
 * transaction therefore waits for the busy timeout with the event loop blocked, so that transaction can
 * never finish: both requests stall 5 s and one fails with SQLITE_BUSY. Within a process, writes and
 * transactions on a file database take turns instead (reads stay concurrent: WAL never blocks them).
 * A transaction must therefore write through its `tx` only, never through another handle.
 */
function takeTurnsToWrite(db: Db, client: Client) {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work);
    last = run.catch(() => undefined);
    return run;
  };
  const execute = client.execute.bind(client) as (stmt: InStatement, args?: InArgs) => ReturnType<Client["execute"]>;
  client.execute = ((stmt: InStatement, args?: InArgs) => (isRead(stmt) ? execute(stmt, args) : inTurn(() => execute(stmt, args)))) as Client["execute"];
  const batch = client.batch.bind(client);
  client.batch = ((stmts, mode) => inTurn(() => batch(stmts, mode))) as Client["batch"];
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) => inTurn(() => transaction(work, config))) as Db["transaction"];
}

/** WAL is stored in the file itself, so one PRAGMA at set-up is enough. */
export async function enableWal(client: Client, url: string) {
  if (isFileUrl(url)) await client.execute("PRAGMA journal_mode = WAL");
}
