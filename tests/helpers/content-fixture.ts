// The valid content fixture, copied and edited to break one rule, and what the content build says of it.
import fs from "node:fs";
import path from "node:path";
import { buildContent } from "~/content/build.server";
import { ROOT } from "./paths";

export const VALID_FIXTURE = path.join(ROOT, "tests/fixtures/valid");

/** Copies the valid fixture into `dir` (a fresh temporary folder) and returns it. */
export function copyValidFixture(dir: string) {
  fs.cpSync(VALID_FIXTURE, dir, { recursive: true });
  return dir;
}

/** Rewrites one file of a content folder (`file` relative to it). */
export function editFile(dir: string, file: string, edit: (text: string) => string) {
  const full = path.join(dir, file);
  fs.writeFileSync(full, edit(fs.readFileSync(full, "utf8")));
}

/** What the content build reports for a folder, one `file: problem` line each. */
export async function problemLines(root: string, cacheDir: string) {
  return (await buildContent({ root, cacheDir })).problems.map((p) => `${p.file}: ${p.problem}`);
}
