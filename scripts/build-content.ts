// Compiles content/ into .content-cache/manifest.json. `--watch` rebuilds on every change (development).
import fs from "node:fs";
import path from "node:path";
import { buildContent, writeManifest } from "~/content/build.server";
import { searchDocuments, writeSearchIndex } from "~/content/search-index.server";

const root = process.cwd();
const cacheDir = path.join(root, ".content-cache");

async function run() {
  const started = Date.now();
  const { manifest, problems, bodies } = await buildContent({ root, cacheDir });
  for (const p of problems) console.error(`${p.file}: ${p.problem}`);
  await writeSearchIndex(searchDocuments(manifest, bodies), cacheDir);
  writeManifest(manifest, cacheDir);
  console.log(
    `contenu : ${manifest.modules.length} module(s), ${manifest.fiches.length} fiche(s), ${manifest.glossary.length} terme(s) compilés et indexés en ${Date.now() - started} ms${problems.length ? `, ${problems.length} problème(s)` : ""}`,
  );
  return problems.length;
}

const problemCount = await run();
if (process.argv.includes("--watch")) {
  let timer: NodeJS.Timeout | undefined;
  fs.watch(path.join(root, "content"), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
  console.log("contenu : surveillance de content/ …");
} else if (problemCount > 0) {
  process.exitCode = 1;
}
