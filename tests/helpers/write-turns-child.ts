// A process writing to a shared database file, for tests/integration/write-turns.test.ts. Run with
// `node --import tsx`; its parent plays the server's primary (db/write-turns.js hands out the turns).
// Roles: "hold" keeps a transaction open until its parent says "commit"; "write" writes once when its
// parent says "go" and measures how long its event loop stood still meanwhile; "load" runs overlapping
// transactions that each wait a turn of the event loop.
import { sql } from "drizzle-orm";
import { openDatabase } from "../../db/client";

const [role, file, arg] = process.argv.slice(2);
/** Resolves when the parent sends `word` (the write-turn messages go by). */
const told = (word: string) =>
  new Promise<void>((resolve) => {
    const listener = (message: unknown) => {
      if (message !== word) return;
      process.off("message", listener);
      resolve();
    };
    process.on("message", listener);
  });
const { db, client } = openDatabase(`file:${file}`);
const send = (message: Record<string, unknown>) => process.send!({ type: "test", ...message });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

if (role === "hold") {
  const commit = told("commit");
  await db.transaction(async (tx) => {
    await tx.run(sql`insert into t (who) values ('hold')`);
    send({ held: true });
    await commit;
  });
  send({ committedAt: Date.now() });
} else if (role === "write") {
  const go = told("go");
  send({ ready: true });
  await go;
  send({ writing: true });
  await new Promise((resolve) => setImmediate(resolve)); // the message leaves before the write may block
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  await db.run(sql`insert into t (who) values ('write')`);
  const committedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(ticker);
  send({ committedAt, maxGap });
} else if (role === "load") {
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: Number(arg) }, (_, i) =>
      db
        .transaction(async (tx) => {
          const [row] = await tx.all<{ n: number }>(sql`select count(*) as n from t where who = ${`load-${process.pid}`}`);
          await nextTurn();
          await tx.run(sql`insert into t (who, n) values (${`load-${process.pid}`}, ${row!.n})`);
        })
        .catch((error: unknown) => errors.push(`${i}: ${error instanceof Error ? error.message : String(error)}`)),
    ),
  );
  send({ errors });
}
client.close();
process.disconnect();
