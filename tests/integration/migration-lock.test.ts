// Two instances starting together on a fresh database (a file, or its own libSQL server with
// PIVOT_TEST_SQLD=1): both run scripts/setup.ts at once; both succeed, every migration is applied once,
// the demo accounts are created once, and the migration lock is released. Then the lock itself: a live
// holder is waited for, a dead one (no heartbeat) is taken over.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { MIGRATION_LOCK_TABLE, MIGRATIONS_FOLDER, migrateDatabase, withMigrationLock } from "../../db/migrate";
import { ROOT, TMP } from "../helpers/paths";
import { startSqld } from "../helpers/sqld";
import { tempDirs } from "../helpers/tmp";

const tempDir = tempDirs();
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };

/** A fresh database of the kind the suite runs on, and a way to drop it. */
async function freshDatabase(): Promise<{ url: string; done: () => Promise<void> }> {
  if (process.env.PIVOT_TEST_SQLD === "1") {
    const sqld = await startSqld();
    return { url: sqld.url, done: sqld.stop };
  }
  return { url: `file:${path.join(tempDir("pivot-migrate-"), "pivot.db")}`, done: async () => undefined };
}

function setup(url: string, dataDir: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/setup.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, PIVOT_DEMO: "1" },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function count(url: string, sql: string) {
  const client = createClient({ url });
  try {
    return Number((await client.execute(sql)).rows[0]![0]);
  } finally {
    client.close();
  }
}

describe("migrations of instances starting together", () => {
  it("two setups at once on a fresh database: both succeed, each migration applied once, demo data created once", async () => {
    const { url, done } = await freshDatabase();
    try {
      fs.mkdirSync(TMP, { recursive: true });
      const [a, b] = await Promise.all([setup(url, tempDir("pivot-a-")), setup(url, tempDir("pivot-b-"))]);
      expect(a.code, a.output).toBe(0);
      expect(b.code, b.output).toBe(0);
      expect(await count(url, "select count(*) from __drizzle_migrations")).toBe(journal.entries.length);
      expect(await count(url, "select count(distinct hash) from __drizzle_migrations")).toBe(journal.entries.length);
      expect(await count(url, "select count(*) from users")).toBe(5);
      expect(`${a.output}${b.output}`.match(/comptes de démonstration créés/g)).toHaveLength(1);
      expect(await count(url, `select count(*) from ${MIGRATION_LOCK_TABLE}`)).toBe(0);
    } finally {
      await done();
    }
  }, 120_000);

  it("three migrators started at the same instant (separate connections): all succeed, each migration applied once", async () => {
    const { url, done } = await freshDatabase();
    try {
      // Without the lock, all three read « nothing applied » before the first one writes, and the others fail.
      await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
      expect(await count(url, "select count(*) from __drizzle_migrations")).toBe(journal.entries.length);
      expect(await count(url, `select count(*) from ${MIGRATION_LOCK_TABLE}`)).toBe(0);
    } finally {
      await done();
    }
  }, 60_000);

  it("waits for a live holder, and takes over from one that stopped renewing its lock", async () => {
    const { url, done } = await freshDatabase();
    try {
      const order: string[] = [];
      // A live holder: the second migrator starts only once the first has released the lock.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = withMigrationLock(url, undefined, async () => {
        order.push("first in");
        await held;
        order.push("first out");
      });
      while (order.length === 0) await new Promise((r) => setTimeout(r, 10));
      const second = migrateDatabase(url, undefined, async () => void order.push("second"));
      await new Promise((r) => setTimeout(r, 400));
      expect(order).toEqual(["first in"]);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(["first in", "first out", "second"]);

      // A holder that died two minutes ago: its lock is taken over at once.
      const client = createClient({ url });
      await client.execute({ sql: `insert into ${MIGRATION_LOCK_TABLE} (id, owner, heartbeat_at) values (1, 'mort', ?)`, args: [Date.now() - 120_000] });
      const started = Date.now();
      await migrateDatabase(url, undefined, async () => void order.push("after a dead holder"));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await count(url, `select count(*) from ${MIGRATION_LOCK_TABLE}`)).toBe(0);
      // A holder that is still renewing: waited for up to the limit, then a clear error.
      await client.execute({ sql: `insert into ${MIGRATION_LOCK_TABLE} (id, owner, heartbeat_at) values (1, 'vivant', ?)`, args: [Date.now()] });
      await expect(migrateDatabase(url, undefined, undefined, { waitMs: 300 })).rejects.toThrow(/une autre instance les applique/);
      client.close();
    } finally {
      await done();
    }
  }, 60_000);
});
