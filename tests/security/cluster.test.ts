// The production server on every core (scripts/server.js → scripts/cluster.js), over real HTTP, on one
// embedded database file: concurrent quiz submissions through two workers land once each, a worker that
// dies is replaced while the other serves, and SIGTERM lets a request in flight finish before every
// process exits.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { httpSignIn, resend, takeQuiz } from "../helpers/http-quiz";
import { addLearners, quizRows } from "../helpers/learners";
import { startServer, type RunningServer } from "../helpers/server";

const MODULE = "identitovigilance";
let server: RunningServer;

/** The process ids of a process's children (Linux). */
const childrenOf = (pid: number) =>
  fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(check: () => boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  server = await startServer({ WEB_CONCURRENCY: "2" });
});
afterAll(async () => {
  await server?.stop();
});

describe("one worker per core", () => {
  it("serves with two workers, and concurrent quiz submissions through them each land once", async () => {
    const [primary] = childrenOf(server.process.pid!); // start.js → server.js (the primary)
    await until(() => server.logs.join("").includes("(2 processus)"), "both workers to listen");
    expect(childrenOf(primary!)).toHaveLength(2);

    const { client } = openDatabase(`file:${path.join(server.dataDir, "pivot.db")}`);
    try {
      const emails = await addLearners(client, 12);
      const results = await Promise.all(
        emails.map(async (email) => {
          const cookie = await httpSignIn(server.origin, email);
          return { email, cookie, taken: await takeQuiz({ moduleId: MODULE, cookie, startOn: server.origin }) };
        }),
      );
      expect(results.filter((r) => !r.taken.ok)).toEqual([]);
      // The same form sent again through both workers at once: refused as a duplicate, never a 500.
      const again = await Promise.all(results.flatMap((r) => (r.taken.ok ? [resend(server.origin, MODULE, r.cookie, r.taken.form), resend(server.origin, MODULE, r.cookie, r.taken.form)] : [])));
      expect(new Set(again)).toEqual(new Set([409]));
      const rows = await quizRows(client, emails, MODULE);
      expect(rows).toHaveLength(12);
      for (const row of rows) expect(row, row.email).toMatchObject({ attempts: 1, submitted: 1, progress: 1, counted: 1 });
    } finally {
      client.close();
    }
  });

  it("replaces a worker that dies, and the other keeps serving meanwhile", async () => {
    const [primary] = childrenOf(server.process.pid!);
    const [victim, survivor] = childrenOf(primary!);
    process.kill(victim!, "SIGKILL");
    await until(() => !alive(victim!), "the worker to die");
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await fetch(`${server.origin}/connexion`)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    await until(() => childrenOf(primary!).length === 2 && !childrenOf(primary!).includes(victim!), "a new worker");
    expect(childrenOf(primary!)).toContain(survivor);
    expect(server.logs.join("")).toContain(`Le processus ${victim} s'est arrêté (SIGKILL) : il est remplacé.`);
  });

  it("on SIGTERM, finishes the request in flight, refuses new ones, and every process exits", async () => {
    const [primary] = childrenOf(server.process.pid!);
    const workers = childrenOf(primary!);
    const body = "email=personne%40pivot.test&password=pas-le-bon-mot-de-passe";
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: server.port, path: "/connexion", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": body.length, Origin: server.origin } },
        (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 12)); // the request is in flight: its body is still coming
      setTimeout(() => {
        process.kill(primary!, "SIGTERM");
        setTimeout(() => req.end(body.slice(12)), 1_000);
      }, 300);
    });
    await new Promise((r) => setTimeout(r, 800));
    await expect(fetch(`${server.origin}/connexion`)).rejects.toThrow(); // no longer accepting
    const { status, text } = await response;
    expect(status).toBe(401); // answered in full: wrong password
    expect(text).toContain("</html>");
    await until(() => !alive(primary!) && workers.every((w) => !alive(w)), "every process to exit", 15_000);
    await until(() => server.process.exitCode !== null, "npm start to exit");
    expect(server.process.exitCode).toBe(0);
  });
});
