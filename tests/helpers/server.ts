// Starts the built site as `npm start` does (scripts/start.js → scripts/server.js), on loopback, with a
// fresh data folder: the real production server, for end-to-end and HTTP-level security tests.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT, TMP } from "./paths";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export type RunningServer = { baseURL: string; origin: string; port: number; dataDir: string; logs: string[]; process: ChildProcess; stop: () => Promise<void> };

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, "build", "index.js")) || !fs.existsSync(path.join(ROOT, ".content-cache", "manifest.json")))
    throw new Error("Le site n'est pas construit : lancez « npm run build » (npm test le fait pour vous).");
  fs.mkdirSync(TMP, { recursive: true });
  // Another instance's data folder may be shared (two instances on one database).
  const ownData = !env.DATA_DIR;
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(TMP, "server-"));
  const port = await freePort();
  const logs: string[] = [];
  // The site's own content and settings, not those a test worker may have set for itself.
  const { PIVOT_CONTENT_DIR: _content, TRUST_PROXY: _proxy, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js")], {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: "production",
      PIVOT_SKIP_BUILD: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "pivot.db")}`,
      SESSION_SECRET: "end-to-end-tests-secret-0123456789abcdef",
      PUBLIC_URL: `http://localhost:${port}`,
      // One process, as the tests were written for; the cluster has its own test (tests/security/cluster.test.ts).
      WEB_CONCURRENCY: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => logs.push(String(d)));
  child.stderr?.on("data", (d) => logs.push(String(d)));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped at start:\n${logs.join("")}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer /healthz within 90 s:\n${logs.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    if (ownData) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { baseURL: `http://localhost:${port}`, origin: `http://127.0.0.1:${port}`, port, dataDir, logs, process: child, stop };
}
