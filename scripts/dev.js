// `npm run dev`: prepares the database, watches content/ and runs Remix's dev server.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const root = process.cwd();
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const env = { ...process.env, NODE_ENV: "development" };

const setup = spawnSync(process.execPath, [tsx, "scripts/setup.ts"], { stdio: "inherit", env });
if (setup.status !== 0) process.exit(setup.status ?? 1);
const first = spawnSync(process.execPath, [tsx, "scripts/build-content.ts"], { stdio: "inherit", env });
if (first.status !== 0) console.warn("Le contenu comporte des problèmes (voir ci-dessus) ; le site démarre avec les fichiers valides.");

const children = [
  spawn(process.execPath, [tsx, "scripts/build-content.ts", "--watch"], { stdio: "inherit", env }),
  spawn(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "dev"], { stdio: "inherit", env }),
];
const stop = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
children.forEach((c) =>
  c.on("exit", (code) => {
    stop();
    process.exit(code ?? 0);
  }),
);
