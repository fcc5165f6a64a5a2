// Several processes on one database file (ADR 014): the cluster's workers take write turns handed out by
// the primary, so a worker waiting for another's transaction keeps serving (its event loop runs), instead
// of sleeping in SQLite's busy handler; overlapping transactions of several processes all commit.
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { handOutTurns, WRITE_TURNS_ENV } from "../../db/write-turns.js";
import { ROOT, TMP } from "../helpers/paths";

const CHILD = path.join(ROOT, "tests", "helpers", "write-turns-child.ts");
const HOLD_MS = 2_000;

async function sharedFile() {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(fs.mkdtempSync(path.join(TMP, "turns-")), "t.db");
  const { client } = openDatabase(`file:${file}`);
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("create table t (who text not null, n integer)");
  client.close();
  return file;
}

type Message = { type: "test"; [key: string]: unknown };
function start(role: string, file: string, arg: string, turns: boolean, primary: ReturnType<typeof handOutTurns>) {
  const child = fork(CHILD, [role, file, arg], { execArgv: ["--import", "tsx"], env: { ...process.env, [WRITE_TURNS_ENV]: turns ? "1" : "0" }, cwd: ROOT });
  primary.follow(child);
  const messages: Message[] = [];
  const waiters: (() => void)[] = [];
  child.on("message", (m) => {
    if ((m as Message)?.type !== "test") return;
    messages.push(m as Message);
    waiters.splice(0).forEach((w) => w());
  });
  const next = async (key: string): Promise<Message> => {
    for (;;) {
      const found = messages.find((m) => key in m);
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`${role} exited (${child.exitCode}) before sending ${key}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  child.on("exit", () => waiters.splice(0).forEach((w) => w()));
  return { child, next, exited };
}

async function waitDuringTransaction(turns: boolean) {
  const file = await sharedFile();
  const primary = handOutTurns();
  const holder = start("hold", file, "", turns, primary);
  const writer = start("write", file, "", turns, primary);
  await Promise.all([holder.next("held"), writer.next("ready")]);
  (writer.child as ChildProcess).send("go");
  // The transaction stays open HOLD_MS from the moment the writer issues its write.
  await writer.next("writing");
  await new Promise((r) => setTimeout(r, HOLD_MS));
  (holder.child as ChildProcess).send("commit");
  const held = await holder.next("committedAt");
  const wrote = await writer.next("committedAt");
  expect(await holder.exited).toBe(0);
  expect(await writer.exited).toBe(0);
  const { client } = openDatabase(`file:${file}`);
  const rows = (await client.execute("select who from t order by rowid")).rows.map((r) => r.who);
  client.close();
  return { heldCommit: Number(held.committedAt), writeCommit: Number(wrote.committedAt), maxGap: Number(wrote.maxGap), rows };
}

describe("several processes writing to one database file", () => {
  it("with turns, a process waiting for another's transaction keeps its event loop running, then writes", async () => {
    const { heldCommit, writeCommit, maxGap, rows } = await waitDuringTransaction(true);
    expect(writeCommit).toBeGreaterThanOrEqual(heldCommit);
    expect(rows).toEqual(["hold", "write"]);
    expect(maxGap).toBeLessThan(HOLD_MS / 3);
  }, 60_000);

  it("without turns (another program on the file), the same write waits in SQLite's busy handler, event loop stopped", async () => {
    const { maxGap, rows } = await waitDuringTransaction(false);
    expect(rows).toEqual(["hold", "write"]);
    expect(maxGap).toBeGreaterThan(HOLD_MS / 2);
  }, 60_000);

  it("overlapping transactions of three processes, each waiting a turn of the event loop inside, all commit once", async () => {
    const file = await sharedFile();
    const primary = handOutTurns();
    const loads = [0, 1, 2].map(() => start("load", file, "40", true, primary));
    const reports = await Promise.all(loads.map((l) => l.next("errors")));
    expect(reports.flatMap((r) => r.errors as string[])).toEqual([]);
    for (const l of loads) expect(await l.exited).toBe(0);
    const { client } = openDatabase(`file:${file}`);
    const rows = (await client.execute("select who, count(*) as total, count(distinct n) as distinctN from t group by who")).rows;
    client.close();
    expect(rows).toHaveLength(3);
    // Each process's transactions saw each other's commits: the counts it read are 0…39, once each.
    for (const row of rows) expect({ total: Number(row.total), distinctN: Number(row.distinctN) }).toEqual({ total: 40, distinctN: 40 });
    expect(primary.state()).toEqual({ holder: false, waiting: 0 });
  }, 60_000);
});
