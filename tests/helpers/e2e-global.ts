// Starts the built site once for the end-to-end tests, on loopback, with a fresh database.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { chromiumPath } from "./chromium";
import { ROOT, TMP } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromium: string;
  }
}

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

let server: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  const chromium = chromiumPath();
  if (!fs.existsSync(path.join(ROOT, "build", "index.js")) || !fs.existsSync(path.join(ROOT, ".content-cache", "manifest.json")))
    throw new Error("Le site n'est pas construit : lancez « npm run build » (npm test le fait pour vous).");
  fs.mkdirSync(TMP, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(TMP, "e2e-"));
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const logs: string[] = [];
  server = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PIVOT_SKIP_BUILD: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "pivot.db")}`,
      SESSION_SECRET: "end-to-end-tests-secret-0123456789abcdef",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => logs.push(String(d)));
  server.stderr?.on("data", (d) => logs.push(String(d)));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server stopped at start:\n${logs.join("")}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer /healthz within 60 s:\n${logs.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide("baseURL", baseURL);
  project.provide("chromium", chromium);

  return async () => {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
