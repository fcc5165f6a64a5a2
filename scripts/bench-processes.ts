// Several processes writing to one embedded SQLite file (ADR 014): each process runs request-like loops
// (a read, a write transaction that spans awaits like the app's, then some rendering on the CPU) through
// db/client.ts, and reports its throughput, its failures and how long its event loop was held up.
// Usage: npm run bench:processes [-- --processes 2 --loops 8 --seconds 5]
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { handOutTurns, WRITE_TURNS_ENV } from "../db/write-turns.js";

const { values: args } = parseArgs({
  options: {
    processes: { type: "string", default: "2" },
    loops: { type: "string", default: "8" },
    seconds: { type: "string", default: "5" },
    render: { type: "string", default: "3" },
    /** "1": each transaction also awaits one turn of the event loop (as one awaiting a hash would). */
    "yield-in-tx": { type: "string", default: "0" },
    /** "0": the processes do not take turns across processes (only SQLite's busy timeout orders them). */
    turns: { type: "string", default: "1" },
    worker: { type: "string" },
    file: { type: "string" },
  },
});

type Report = { worker: number; iterations: number; failures: number; errors: string[]; txP50: number; txP99: number; txMax: number; loopP99: number; loopMax: number };

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const ms = (n: number) => Math.round(n * 10) / 10;

async function worker(id: number, file: string) {
  const { openDatabase } = await import("../db/client");
  const { db, client } = openDatabase(`file:${file}`);
  const seconds = Number(args.seconds);
  const renderMs = Number(args.render);
  const yieldInTx = args["yield-in-tx"] === "1";
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
  const render = () => {
    const until = performance.now() + renderMs;
    while (performance.now() < until); // a page rendered on the CPU
  };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const txTimes: number[] = [];
  const errors: string[] = [];
  let iterations = 0;
  const end = Date.now() + seconds * 1000;
  const loop = async (n: number) => {
    while (Date.now() < end) {
      await nextTurn(); // a request arrives: the embedded driver alone never yields to the event loop
      try {
        await db.all(sql`select count(*) from bench where worker = ${id}`);
        const started = performance.now();
        await db.transaction(async (tx) => {
          const [row] = await tx.all<{ n: number }>(sql`select count(*) as n from bench where worker = ${id} and loop = ${n}`);
          if (yieldInTx) await nextTurn();
          await tx.run(sql`insert into bench (worker, loop, seq) values (${id}, ${n}, ${row!.n})`);
          await tx.run(sql`update bench set touched = touched + 1 where worker = ${id} and loop = ${n} and seq = ${row!.n}`);
        });
        txTimes.push(performance.now() - started);
        render();
        iterations++;
      } catch (error) {
        errors.push(error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ""}` : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Number(args.loops) }, (_, n) => loop(n)));
  delay.disable();
  client.close();
  txTimes.sort((a, b) => a - b);
  const report: Report = {
    worker: id,
    iterations,
    failures: errors.length,
    errors: [...new Set(errors)].slice(0, 3),
    txP50: ms(quantile(txTimes, 0.5)),
    txP99: ms(quantile(txTimes, 0.99)),
    txMax: ms(txTimes.at(-1) ?? 0),
    loopP99: ms(delay.percentile(99) / 1e6),
    loopMax: ms(delay.max / 1e6),
  };
  process.send!(report);
  process.disconnect();
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pivot-processes-"));
  const file = path.join(dir, "bench.db");
  const { openDatabase, enableWal } = await import("../db/client");
  const { client } = openDatabase(`file:${file}`);
  await enableWal(client, `file:${file}`);
  await client.execute("create table bench (worker integer not null, loop integer not null, seq integer not null, touched integer not null default 0)");
  await client.execute("create index bench_worker on bench (worker, loop, seq)");
  client.close();

  const count = Number(args.processes);
  const self = fileURLToPath(import.meta.url);
  const turns = handOutTurns();
  const reports = await Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<Report>((resolve, reject) => {
          const child = fork(self, ["--worker", String(i), "--file", file, "--loops", args.loops!, "--seconds", args.seconds!, "--render", args.render!, "--yield-in-tx", args["yield-in-tx"]!], {
            execArgv: process.execArgv,
            env: { ...process.env, [WRITE_TURNS_ENV]: args.turns },
          });
          turns.follow(child);
          child.on("message", (m) => typeof m === "object" && m !== null && "iterations" in m && resolve(m as Report));
          child.once("exit", (code) => code !== 0 && reject(new Error(`worker ${i} exited with ${code}`)));
        }),
    ),
  );
  const { client: check } = openDatabase(`file:${file}`);
  const rows = (await check.execute("select count(*) as n, count(distinct worker || '-' || loop || '-' || seq) as distinctRows, sum(touched) as touched from bench")).rows[0]!;
  check.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const total = reports.reduce((s, r) => s + r.iterations, 0);
  console.log(`${count} process(es) × ${args.loops} loops, ${args.seconds} s, ${args.render} ms of rendering per iteration${args["yield-in-tx"] === "1" ? ", transactions yield once" : ""}, ${args.turns === "1" ? "turns across processes" : "busy timeout only"}`);
  console.table(reports.map(({ errors: _errors, ...r }) => r));
  for (const r of reports) for (const e of r.errors) console.log(`worker ${r.worker}: ${e}`);
  console.log(`transactions: ${total} (${Math.round(total / Number(args.seconds))}/s), rows ${rows.n}, distinct ${rows.distinctRows}, updates ${rows.touched}`);
  const failures = reports.reduce((s, r) => s + r.failures, 0);
  if (failures || Number(rows.n) !== total || Number(rows.distinctRows) !== total || Number(rows.touched) !== total) process.exitCode = 1;
}

if (args.worker !== undefined) await worker(Number(args.worker), args.file!);
else await main();
