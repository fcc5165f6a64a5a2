// `npm test`: the whole suite — unit, integration and end-to-end in Chromium — on a fresh build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
if (!candidates.some((p) => fs.existsSync(p))) {
  console.error(
    "Chromium est introuvable : les tests de bout en bout en ont besoin.\n" +
      "Installez-le avec « apt-get update && apt-get install -y chromium » (en root),\n" +
      "ou indiquez le chemin d'un Chromium existant dans la variable CHROME_PATH.",
  );
  process.exit(1);
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", env: process.env });

const build = run("npm", ["run", "-s", "build"]);
if (build.status !== 0) process.exit(build.status ?? 1);

const report = path.join("tests", ".tmp", "vitest-report.json");
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const vitest = path.join("node_modules", "vitest", "vitest.mjs");
const result = run(process.execPath, [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)]);

if (fs.existsSync(report)) {
  const summary = JSON.parse(fs.readFileSync(report, "utf8"));
  console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
  if (summary.numTotalTests === 0) {
    console.error("Aucun test n'a été exécuté.");
    process.exit(1);
  }
}
process.exit(result.status ?? 1);
