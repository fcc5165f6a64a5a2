// Write turns across the processes of one server (ADR 014). The cluster workers of `npm start` share one
// SQLite file; before each write or transaction on it, a worker asks the primary for the turn, and the
// primary hands the turn to one worker at a time, in order of asking. Waiting for the turn is asynchronous:
// a worker's event loop keeps serving requests meanwhile, instead of sleeping in SQLite's busy handler.
// A worker that dies gives its turn back. Plain JavaScript: scripts/server.js (the primary) imports it
// without the build, db/client.ts (the workers) through it.

const ASK = "pivot:write-turn:ask";
const GRANT = "pivot:write-turn:grant";
const DONE = "pivot:write-turn:done";

/** Set to "1" by the primary in its workers' environment: they ask it for write turns. */
export const WRITE_TURNS_ENV = "PIVOT_WRITE_TURNS";

/** Whether this process takes write turns from a primary (a cluster worker still connected to it). */
export function asksForTurns() {
  return process.env[WRITE_TURNS_ENV] === "1" && typeof process.send === "function" && process.connected;
}

/** A process keeps the turn for the writes already queued behind the current one, within these bounds. */
const KEEP_JOBS = 16;
const KEEP_MS = 10;

let nextId = 0;
/** @type {Map<number, () => void>} */
const granted = new Map();
let listening = false;
/** @type {{ queue: WriteQueue; id: number; started: number; jobs: number } | null} */
let turn = null;

/** @typedef {{ hasMore: () => boolean }} WriteQueue One handle's queue of writes (db/client.ts). */

/** @returns {Promise<number>} the id of the turn, once the primary grants it */
function ask() {
  if (!listening) {
    listening = true;
    process.on("message", (/** @type {any} */ message) => {
      if (message?.type !== GRANT) return;
      const resolve = granted.get(message.id);
      granted.delete(message.id);
      resolve?.();
    });
  }
  const id = ++nextId;
  return new Promise((resolve) => {
    granted.set(id, () => resolve(id));
    /** @type {NonNullable<typeof process.send>} */ (process.send)({ type: ASK, id });
  });
}

/**
 * Runs `work` in this process's write turn: asks the primary for it, or goes on with the turn that
 * `queue`'s previous write kept. Afterwards, keeps the turn for the next write if `queue` has one
 * waiting (one round trip to the primary then serves several writes, up to KEEP_JOBS writes or KEEP_MS),
 * and gives it back otherwise. Outside a worker that asks for turns (one process, a script, a test),
 * runs `work` at once.
 * @template T
 * @param {() => Promise<T>} work
 * @param {WriteQueue} queue
 * @returns {Promise<T>}
 */
export async function acrossProcesses(work, queue) {
  if (!asksForTurns()) return work();
  if (turn?.queue !== queue) turn = { queue, id: await ask(), started: performance.now(), jobs: 0 };
  const current = turn;
  current.jobs++;
  try {
    return await work();
  } finally {
    const keep = queue.hasMore() && current.jobs < KEEP_JOBS && performance.now() - current.started < KEEP_MS;
    if (!keep) {
      if (turn === current) turn = null;
      if (process.connected) /** @type {NonNullable<typeof process.send>} */ (process.send)({ type: DONE, id: current.id });
    }
  }
}

/**
 * @typedef {{ send: (message: any) => unknown; on: (event: string, listener: (...args: any[]) => void) => unknown; isConnected?: () => boolean; connected?: boolean }} TurnTaker
 * A cluster worker or a forked child process.
 */

/**
 * The primary's side: one turn, handed to one process at a time in order of asking.
 * @returns {{ follow: (worker: TurnTaker) => void; state: () => { holder: boolean; waiting: number } }}
 */
export function handOutTurns() {
  /** @type {{ worker: TurnTaker; id: number } | null} */
  let holder = null;
  /** @type {{ worker: TurnTaker; id: number }[]} */
  const queue = [];
  const next = () => {
    while (!holder && queue.length > 0) {
      const candidate = /** @type {{ worker: TurnTaker; id: number }} */ (queue.shift());
      const worker = candidate.worker;
      if (!(worker.isConnected ? worker.isConnected() : worker.connected !== false)) continue; // exiting
      holder = candidate;
      try {
        candidate.worker.send({ type: GRANT, id: candidate.id });
      } catch {
        holder = null; // its channel closed: it is exiting, and its exit clears the rest
      }
    }
  };
  return {
    follow(worker) {
      worker.on("message", (/** @type {any} */ message) => {
        if (message?.type === ASK) {
          queue.push({ worker, id: message.id });
          next();
        } else if (message?.type === DONE && holder?.worker === worker && holder.id === message.id) {
          holder = null;
          next();
        }
      });
      worker.on("exit", () => {
        for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.worker === worker) queue.splice(i, 1);
        if (holder?.worker === worker) {
          holder = null;
          next();
        }
      });
    },
    state: () => ({ holder: holder !== null, waiting: queue.length }),
  };
}
