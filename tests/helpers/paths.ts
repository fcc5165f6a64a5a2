import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TMP = path.join(ROOT, "tests", ".tmp");
export const FIXTURE_CONTENT_DIR = path.join(TMP, "fixture-content");
