// `npm run check:imports`: prints every import that points the wrong way inside app/ (see import-rules.ts)
// as `file:line: rule`, and exits non-zero when there is one. An optional argument checks another root.
import path from "node:path";
import { findViolations, formatViolation } from "./import-rules";

const root = path.resolve(process.argv[2] ?? process.cwd());
const violations = findViolations(root);
for (const v of violations) console.error(formatViolation(v));
if (violations.length) {
  console.error(`${violations.length} import(s) in the wrong direction.`);
  process.exitCode = 1;
} else {
  console.log("imports: every dependency points the right way.");
}
