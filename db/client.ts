// Opens the database: an embedded SQLite file by default, a libSQL server / Turso by URL.
import { createClient, type Client, type InArgs, type InStatement } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { isReadStatement } from "./statement-kind";
import { acrossProcesses } from "./write-turns";

export type Db = ReturnType<typeof drizzle<typeof schema>>;
/** The handle a transaction's callback receives: inside a transaction, write through it only. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

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
  guardWritePath(db, client, isFileUrl(url));
  return { db, client };
}

/** The kind of each statement text, worked out once: the app sends the same few hundred texts again and again. */
const readTexts = new Map<string, boolean>();
function isRead(stmt: InStatement): boolean {
  const sql = typeof stmt === "string" ? stmt : stmt.sql;
  let read = readTexts.get(sql);
  if (read === undefined) {
    read = isReadStatement(sql);
    if (readTexts.size < 5_000) readTexts.set(sql, read);
  }
  return read;
}

export const OUTER_WRITE_IN_TRANSACTION = "write through the outer database handle inside a transaction: use the transaction's tx";

/**
 * The write path of one database handle.
 *
 * Take turns (on a file, every write): the embedded driver runs each statement synchronously. A write that
 * meets another connection's open transaction therefore waits for the busy timeout with the event loop
 * blocked, so that transaction can never finish: both requests stall 5 s and one fails with SQLITE_BUSY.
 * Within a process, writes and transactions on a file database take turns instead. Only pure reads
 * (see statement-kind.ts) skip the queue: WAL never blocks them.
 *
 * The cluster workers of one server share the file too: each turn is also a turn across them, handed out
 * by the primary in order (write-turns.js, ADR 014), so they never wait for each other inside SQLite.
 *
 * On a libSQL server, transactions take turns too (plain statements do not: one round trip each, the
 * server orders them). An interactive transaction holds the server's write lock across round trips; many at
 * once from one instance queued on the server until its lock wait (5 s) ran out, and failed with
 * SQLITE_BUSY (ADR 014). Waiting for its turn in the instance instead costs nothing: the server runs one
 * writer at a time anyway.
 *
 * Refuse outer writes inside a transaction (every database): a write, batch or transaction through this
 * handle from inside a transaction's callback would wait behind that very transaction forever (or, on a
 * server, against its lock). It fails at once instead; reads stay allowed. AsyncLocalStorage tells whether
 * the current async context is inside an open transaction's callback of this handle.
 */
function guardWritePath(db: Db, client: Client, file: boolean) {
  let last: Promise<unknown> = Promise.resolve();
  let queued = 0;
  const queue = { hasMore: () => queued > 1 }; // another write waits behind the one running
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    queued++;
    const run = last.then(() => acrossProcesses(work, queue)).finally(() => queued--);
    last = run.catch(() => undefined);
    return run;
  };
  const transactionScope = new AsyncLocalStorage<{ open: boolean }>();
  const refused = () => transactionScope.getStore()?.open === true;
  const write = <T>(work: () => Promise<T>): Promise<T> => (refused() ? Promise.reject(new Error(OUTER_WRITE_IN_TRANSACTION)) : file ? inTurn(work) : work());
  const transactionInTurn = <T>(work: () => Promise<T>): Promise<T> => (refused() ? Promise.reject(new Error(OUTER_WRITE_IN_TRANSACTION)) : inTurn(work));

  const execute = client.execute.bind(client) as (stmt: InStatement, args?: InArgs) => ReturnType<Client["execute"]>;
  client.execute = ((stmt: InStatement, args?: InArgs) => (isRead(stmt) ? execute(stmt, args) : write(() => execute(stmt, args)))) as Client["execute"];
  const batch = client.batch.bind(client);
  client.batch = ((stmts, mode) => write(() => batch(stmts, mode))) as Client["batch"];
  const migrate = client.migrate.bind(client);
  client.migrate = ((stmts) => write(() => migrate(stmts))) as Client["migrate"];
  const executeMultiple = client.executeMultiple.bind(client);
  client.executeMultiple = ((sql) => write(() => executeMultiple(sql))) as Client["executeMultiple"];
  // `client.transaction` itself stays as it is: drizzle's transaction below opens its libSQL transaction with it.
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) =>
    transactionInTurn(() => {
      const scope = { open: true };
      return transaction(async (tx) => {
        try {
          return await transactionScope.run(scope, () => work(tx));
        } finally {
          scope.open = false; // work it started and did not await may write normally afterwards
        }
      }, config);
    })) as Db["transaction"];
}

/** WAL is stored in the file itself, so one PRAGMA at set-up is enough. */
export async function enableWal(client: Client, url: string) {
  if (isFileUrl(url)) await client.execute("PRAGMA journal_mode = WAL");
}
