// One worker per core (scripts/server.js): the primary forks the workers, hands out the write turns on a
// database file (db/write-turns.js), restarts a worker that dies, and on SIGTERM or SIGINT lets every
// worker finish the requests in flight before it exits. It never imports the build: no request, no
// database, no timers run in it. Migrations and demo data are done before it starts (scripts/setup.ts).
import cluster from "node:cluster";
import os from "node:os";
import { handOutTurns, WRITE_TURNS_ENV } from "../db/write-turns.js";

/** A worker is killed if it has not finished its requests this long after the stop signal. */
const STOP_GRACE_MS = 12_000;
/** A worker that dies this soon after the previous death is restarted after a pause. */
const RESTART_PAUSE_MS = 1_000;

/**
 * How many processes serve: WEB_CONCURRENCY when set (1 keeps a single process), one per core otherwise.
 * @param {string | undefined} value
 * @returns {number}
 */
export function webConcurrency(value) {
  if (value === undefined || value.trim() === "") return Math.max(1, os.availableParallelism());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`Configuration invalide :\n  - WEB_CONCURRENCY : doit être un nombre de processus entre 1 et 64 (reçu « ${value} »)`);
    process.exit(1);
  }
  return n;
}

/**
 * The young generation of each worker's heap, in MB per semi-space (V8's default is 16 on this machine
 * kind). A page allocates a lot of short-lived objects; with more room, fewer collections run: about 4 %
 * less CPU per page measured (docs/decisions/019-route-matching-cache.md), for at most about 100 MB more
 * memory per worker under load. A --max-semi-space-size given to Node (NODE_OPTIONS) wins.
 */
const SEMI_SPACE_MB = 64;

/** @param {number} count */
export function startPrimary(count) {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((arg) => arg.startsWith("--max-semi-space-size"));
  if (!given) cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-semi-space-size=${SEMI_SPACE_MB}`] });
  const turns = handOutTurns();
  let stopping = false;
  let listening = 0;
  let announced = false;
  let lastDeath = 0;
  const started = new WeakSet();

  const fork = () => {
    const worker = cluster.fork({ [WRITE_TURNS_ENV]: "1" });
    turns.follow(worker);
    worker.on("error", (error) => console.error(`processus ${worker.process.pid} : ${error.message}`));
    return worker;
  };

  cluster.on("listening", (worker, address) => {
    if (started.has(worker)) return;
    started.add(worker);
    if (++listening === count && !announced && (announced = true))
      console.log(`Pivot est servi sur http://${process.env.HOST ?? "localhost"}:${address.port} (${count} processus)`);
  });

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(); // with process.exitCode
      return;
    }
    // Before the site ever served, a worker that stops failed at start (configuration, port taken):
    // every new one would fail the same way.
    if (!announced && !started.has(worker)) {
      console.error(`Un processus s'est arrêté au démarrage (${signal ?? `code ${code}`}) : arrêt du site.`);
      stop("SIGTERM", code || 1);
      return;
    }
    if (started.has(worker)) listening--;
    console.error(`Le processus ${worker.process.pid} s'est arrêté (${signal ?? `code ${code}`}) : il est remplacé.`);
    const now = Date.now();
    const pause = now - lastDeath < RESTART_PAUSE_MS * 5 ? RESTART_PAUSE_MS : 0;
    lastDeath = now;
    setTimeout(() => !stopping && fork(), pause);
  });

  /** @param {NodeJS.Signals} signal @param {number} [exitCode] */
  const stop = (signal, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(exitCode);
    // Each worker stops accepting, finishes its requests in flight, then exits (scripts/server.js).
    for (const worker of workers) worker?.process.kill(signal);
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(exitCode);
    }, STOP_GRACE_MS).unref();
    if (exitCode) process.exitCode = exitCode;
  };
  for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) process.on(signal, () => stop(signal));

  for (let i = 0; i < count; i++) fork();
}
