// `npm start`: builds when sources changed, prepares the database, then serves the site.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const serverBuild = path.join(root, "build", "index.js");
const manifest = path.join(root, ".content-cache", "manifest.json");

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The fixes carried on dependencies (scripts/patch-dependencies.js): in place even after a manual npm install.
run(process.execPath, [path.join(root, "scripts", "patch-dependencies.js")]);

const sources = ["app", "content", "remix.config.js", "tailwind.config.ts", "package-lock.json"].map((p) => path.join(root, p));
const builtAt = Math.min(fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0, fs.existsSync(manifest) ? fs.statSync(manifest).mtimeMs : 0);
if (process.env.PIVOT_SKIP_BUILD !== "1" && Math.max(...sources.map(newestMtime)) > builtAt) {
  console.log("construction du site…");
  run("npm", ["run", "-s", "build"], { ...process.env, NODE_ENV: "production" });
}

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" };
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
run(process.execPath, [tsx, "scripts/setup.ts"], env);

const server = spawn(process.execPath, [path.join(root, "scripts", "server.js"), serverBuild], {
  stdio: "inherit",
  env: { PORT: "3000", ...env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
