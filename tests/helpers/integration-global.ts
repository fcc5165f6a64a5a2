// Compiles the fixture content once for all integration test files.
import fs from "node:fs";
import path from "node:path";
import { buildContent, writeManifest } from "~/content/build.server";
import { searchDocuments, writeSearchIndex } from "~/content/search-index.server";
import { FIXTURE_CONTENT_DIR, ROOT } from "./paths";

export default async function setup() {
  fs.mkdirSync(FIXTURE_CONTENT_DIR, { recursive: true });
  const { manifest, problems, bodies } = await buildContent({ root: path.join(ROOT, "tests", "fixtures", "valid"), cacheDir: FIXTURE_CONTENT_DIR });
  if (problems.length) throw new Error(`fixture content is invalid:\n${problems.map((p) => `${p.file}: ${p.problem}`).join("\n")}`);
  await writeSearchIndex(searchDocuments(manifest, bodies), FIXTURE_CONTENT_DIR);
  writeManifest(manifest, FIXTURE_CONTENT_DIR);
}
