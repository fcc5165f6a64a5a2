// Validates every content file; prints `file: problem` lines and exits non-zero on any problem.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { buildContent } from "~/content/build.server";
import { editorialProblems } from "~/content/editorial";

const root = process.argv[2] ? path.resolve(process.argv[2]) : process.cwd();
const cacheDir = fs.existsSync(path.join(process.cwd(), ".content-cache"))
  ? path.join(process.cwd(), ".content-cache")
  : fs.mkdtempSync(path.join(os.tmpdir(), "pivot-check-"));
const built = await buildContent({ root, cacheDir });
const { manifest } = built;
// Editorial rules apply to the published catalogue only (not to test fixtures passed as argument).
const problems = [...built.problems, ...(process.argv[2] ? [] : editorialProblems(manifest, built.bodies))];
for (const p of problems) console.error(`${p.file}: ${p.problem}`);
if (problems.length) {
  console.error(`${problems.length} problème(s) dans le contenu.`);
  process.exitCode = 1;
} else {
  console.log(
    `contenu valide : ${manifest.modules.length} module(s), ${manifest.fiches.length} fiche(s) réflexe(s), ${manifest.glossary.length} terme(s) de glossaire.`,
  );
}
