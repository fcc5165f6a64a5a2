// Concurrent writes on the embedded database from one process: overlapping transactions and plain writes
// must all land (the synchronous driver would otherwise block on the busy timeout and fail with SQLITE_BUSY),
// whatever the statement looks like; and a write through the outer handle inside a transaction fails at once.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, OUTER_WRITE_IN_TRANSACTION } from "../../db/client";
import { TMP } from "../helpers/paths";

async function freshDatabase() {
  const dir = fs.mkdtempSync(path.join(TMP, "concurrent-"));
  const { db, client } = openDatabase(`file:${path.join(dir, "t.db")}`);
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("create table t (who text not null)");
  return { db, client };
}

/** Resolves once `work` rejects with the rule, as the error itself or as a cause (drizzle wraps driver errors). */
async function refused(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  const messages: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) messages.push(e.message);
  expect(messages).toContain(OUTER_WRITE_IN_TRANSACTION);
}

describe("the embedded database under concurrent writes", () => {
  it("lets overlapping transactions and plain writes all commit", async () => {
    const { db, client } = await freshDatabase();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    const transaction = (who: string) =>
      db.transaction(async (tx) => {
        await tx.run(sql`insert into t values (${who})`);
        await pause(); // another request runs meanwhile
        await tx.run(sql`insert into t values (${who})`);
      });
    const plain = (who: string) => db.run(sql`insert into t values (${who})`);
    const failed = db.transaction(async (tx) => {
      await tx.run(sql`insert into t values ('annulée')`);
      throw new Error("refusée");
    });
    await Promise.all([transaction("a"), plain("b"), transaction("c"), plain("d"), expect(failed).rejects.toThrow("refusée"), transaction("e")]);
    const rows = await db.all<{ who: string }>(sql`select who from t order by who`);
    expect(rows.map((r) => r.who)).toEqual(["a", "a", "b", "c", "c", "d", "e", "e"]);
    client.close();
  });

  it("sends a WITH … INSERT down the write path: issued while a transaction is open, it waits its turn and both land", async () => {
    const { db, client } = await freshDatabase();
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.run(sql`insert into t values ('tx')`);
      opened();
      await new Promise((resolve) => setTimeout(resolve, 20)); // the other write is issued meanwhile
      await tx.run(sql`insert into t values ('tx')`);
    });
    // Issued from outside the transaction's callback, once it holds the write lock.
    const withInsert = open.then(() => db.run(sql`with v(who) as (select 'with') insert into t select who from v`));
    const withUpdate = open.then(() => client.execute("WITH v AS (SELECT 'tx') UPDATE t SET who = who || '!' WHERE who = (SELECT * FROM v)"));
    await Promise.all([transaction, withInsert, withUpdate]);
    const rows = await db.all<{ who: string }>(sql`select who from t order by who`);
    expect(rows.map((r) => r.who)).toEqual(["tx!", "tx!", "with"]);
    client.close();
  });

  it("refuses a write through the outer handle inside a transaction at once, and still serves reads there", async () => {
    const { db, client } = await freshDatabase();
    await db.run(sql`insert into t values ('before')`);
    const seen: string[] = [];
    const outerWrites = db.transaction(async (tx) => {
      await tx.run(sql`insert into t values ('tx')`);
      seen.push(...(await db.all<{ who: string }>(sql`select who from t`)).map((r) => r.who)); // a read is allowed
      await refused(db.run(sql`insert into t values ('outer')`));
      await refused(client.execute("with v(who) as (select 'outer') insert into t select who from v"));
      await refused(client.batch(["insert into t values ('outer')"]));
      await refused(db.transaction(async (inner) => inner.run(sql`insert into t values ('outer')`)));
      await Promise.resolve().then(() => db.run(sql`delete from t`)); // deeper in the same async context
    });
    await refused(outerWrites);
    expect(seen).toEqual(["before"]); // the outer read sees committed rows only
    // The transaction rolled back, and the handle writes normally afterwards.
    await db.run(sql`insert into t values ('after')`);
    const rows = await db.all<{ who: string }>(sql`select who from t order by who`);
    expect(rows.map((r) => r.who)).toEqual(["after", "before"]);
    client.close();
  });
});
