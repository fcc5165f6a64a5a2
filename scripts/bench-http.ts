// HTTP benchmark: starts the production server (scripts/server.js, WEB_CONCURRENCY as set, default one
// worker per core) on a fresh demo database, signs in, and runs autocannon (50 connections) against the
// module page, a fiche and the dashboard; in the same run, against a bare Node `http` server returning the
// same bytes (the ceiling for a Node server on this machine). Prints req/s, p50/p99 and the ratio.
// Each measure follows BENCH_WARMUP seconds (3) of the same load, not counted.
// Usage: npm run build && npm run bench:http   (BENCH_SECONDS=10 by default)
import autocannon from "autocannon";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Load before each measure, not counted: the server's code is compiled by then, as on a server that has run for a while. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = 50;
const TARGET_RATIO = 0.05;
const TARGET_P99_MS = 300;
const root = process.cwd();
if (!fs.existsSync(path.join(root, "build", "index.js"))) {
  console.error("Lancez d'abord « npm run build ».");
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pivot-bench-http-"));
const port = 3400 + Math.floor(Math.random() * 500);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
  DATA_DIR: dir,
  SESSION_SECRET: "bench-http-secret-0123456789abcdef012345",
  PUBLIC_URL: `http://127.0.0.1:${port}`,
};
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const setup = spawnSync(process.execPath, [tsx, "scripts/setup.ts"], { env, stdio: "inherit" });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const server: ChildProcess = spawn(process.execPath, [path.join(root, "scripts", "server.js"), path.join(root, "build", "index.js")], {
  env,
  stdio: ["ignore", "ignore", "inherit"],
});
const origin = `http://127.0.0.1:${port}`;
async function waitForServer() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("le serveur ne répond pas");
}

async function signIn(email: string): Promise<string> {
  const form = await fetch(`${origin}/connexion`);
  const cookies = (form.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const html = await form.text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  const body = new URLSearchParams({ email, password: "pivot-demo-2026", ...(csrf ? { csrf } : {}) });
  const res = await fetch(`${origin}/connexion`, {
    method: "POST",
    body,
    headers: { Cookie: cookies, "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    redirect: "manual",
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  if (res.status !== 302 || !session) throw new Error(`connexion impossible (${res.status})`);
  return session;
}

type Result = { label: string; rps: number; p50: number; p99: number; errors: number; bytes: number };

async function load(label: string, url: string, headers: Record<string, string>): Promise<Result> {
  if (WARMUP_SECONDS > 0) await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const errors = r.errors + r.timeouts + r.non2xx;
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors, bytes: r.throughput.average / Math.max(1, r.requests.average) };
}

/** The same bytes from a bare Node server: what one process can do at most here. */
async function bare(body: Buffer, contentType: string): Promise<{ url: string; close: () => void }> {
  const srv = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": contentType, "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`, close: () => srv.close() };
}

try {
  await waitForServer();
  const cookie = await signIn("secretaire.confirmee@pivot.demo");
  const pages = [
    ["module", "/modules/identitovigilance"],
    ["fiche", "/fiches-reflexes/cardiologie"],
    ["tableau de bord", "/"],
  ] as const;
  const rows: { page: Result; bare: Result }[] = [];
  for (const [label, p] of pages) {
    const url = `${origin}${p}`;
    const sample = await fetch(url, { headers: { Cookie: cookie } });
    if (sample.status !== 200) throw new Error(`${p} : ${sample.status}`);
    const body = Buffer.from(await sample.arrayBuffer());
    const page = await load(label, url, { Cookie: cookie });
    const ceiling = await bare(body, sample.headers.get("content-type") ?? "text/html");
    const raw = await load(`${label} (serveur nu)`, ceiling.url, {});
    ceiling.close();
    rows.push({ page, bare: raw });
  }
  console.log(
    `\n${os.cpus().length} cœurs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, ${CONNECTIONS} connexions, ${SECONDS} s par mesure après ${WARMUP_SECONDS} s de chauffe, WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "(un par cœur)"}\n`,
  );
  console.log("page                 req/s    p50 ms   p99 ms   erreurs   serveur nu req/s   ratio");
  let failed = false;
  for (const { page, bare: raw } of rows) {
    const ratio = page.rps / raw.rps;
    console.log(
      `${page.label.padEnd(20)} ${page.rps.toFixed(0).padStart(6)} ${String(page.p50).padStart(8)} ${String(page.p99).padStart(8)} ${String(page.errors).padStart(9)} ${raw.rps.toFixed(0).padStart(18)} ${(ratio * 100).toFixed(1).padStart(6)} %`,
    );
    if (page.label === "module" && (ratio < TARGET_RATIO || page.p99 > TARGET_P99_MS)) failed = true;
    if (page.errors > 0) failed = true;
  }
  console.log(`\nObjectif : page module ≥ ${TARGET_RATIO * 100} % du serveur nu, p99 < ${TARGET_P99_MS} ms, 0 erreur.`);
  process.exitCode = failed ? 1 : 0;
} finally {
  server.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
}
