// Concurrent writes on the embedded database from one process: overlapping transactions and plain writes
// must all land (the synchronous driver would otherwise block on the busy timeout and fail with SQLITE_BUSY).
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { TMP } from "../helpers/paths";

describe("the embedded database under concurrent writes", () => {
  it("lets overlapping transactions and plain writes all commit", async () => {
    const dir = fs.mkdtempSync(path.join(TMP, "concurrent-"));
    const { db, client } = openDatabase(`file:${path.join(dir, "t.db")}`);
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("create table t (who text not null)");
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
});
