// The import-direction check (scripts/import-rules.ts) on small trees written for each case.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findViolations, RULES } from "../../scripts/import-rules";
import { tempDirs } from "../helpers/tmp";

const tempDir = tempDirs();

/** A project root holding the given files (paths relative to the root). */
function tree(files: Record<string, string>): string {
  const root = tempDir("pivot-imports-");
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

const ruleFor = (from: string, to: string) => RULES.find((r) => r.from === from && r.to === to)!.message;

const MODEL = `export type Y = { id: string };\nexport function loadY(): Y { return { id: "y" }; }\n`;

describe("import directions", () => {
  it("reports a domain module importing a model, and only that", () => {
    const root = tree({
      "app/models/y.server.ts": MODEL,
      "app/domain/x.ts": `// A rule.\nimport { z } from "zod";\nimport { loadY } from "~/models/y.server";\n\nexport const x = () => loadY();\n`,
    });
    expect(findViolations(root)).toEqual([{ file: "app/domain/x.ts", line: 3, specifier: "~/models/y.server", rule: ruleFor("app/domain", "app/models") }]);
  });

  it("lets a component import a model's types with `import type`", () => {
    const root = tree({
      "app/models/y.server.ts": MODEL,
      "app/components/card.tsx": `import type { Y } from "~/models/y.server";\nimport { type Y as Z } from "../models/y.server";\n\nexport function Card({ y }: { y: Y | Z }) {\n  return <p>{y.id}</p>;\n}\n`,
    });
    expect(findViolations(root)).toEqual([]);
  });

  it("finds nothing in a tree whose imports all point the right way", () => {
    const root = tree({
      "db/schema.ts": `export const users = "users";\nexport type Role = "learner";\n`,
      "app/domain/rules.ts": `import { z } from "zod";\nexport const ok = z.boolean();\n`,
      "app/models/users.server.ts": `import { users } from "../../db/schema";\nimport { ok } from "~/domain/rules";\nexport const all = () => [users, ok];\n`,
      "app/components/list.tsx": `import type { Role } from "~/models/users.server";\nimport { ok } from "~/domain/rules";\nexport const List = ({ role }: { role: Role }) => <p>{String(ok)}{role}</p>;\n`,
      "app/routes/_index.tsx": `import type { Role } from "../../db/schema";\nimport { all } from "~/models/users.server";\nexport const loader = () => all();\nexport default function Index(): Role { return "learner"; }\n`,
    });
    expect(findViolations(root)).toEqual([]);
  });

  it("resolves relative and root paths, and sees run-time imports however they are written", () => {
    const root = tree({
      "db/schema.ts": `export const users = "users";\nexport type Role = "learner";\n`,
      "app/models/y.server.ts": MODEL,
      "app/domain/types-too.ts": `import type { Role } from "../../db/schema";\nexport type R = Role;\n`,
      "app/components/multi-line.tsx": `import {\n  loadY,\n  type Y,\n} from "../models/y.server";\nexport const C = (): Y => loadY();\n`,
      "app/routes/lazy.tsx": `export async function loader() {\n  const { users } = await import("db/schema");\n  return users;\n}\n`,
      "app/routes/re-export.tsx": `export { users } from "../../db/schema";\n`,
    });
    expect(findViolations(root).map((v) => `${v.file}:${v.line} ${v.specifier}`)).toEqual([
      "app/components/multi-line.tsx:1 ../models/y.server",
      "app/domain/types-too.ts:1 ../../db/schema",
      "app/routes/lazy.tsx:2 db/schema",
      "app/routes/re-export.tsx:1 ../../db/schema",
    ]);
  });

  it("reports a form schema that takes its closed lists from the database schema instead of the vocabulary", () => {
    const root = tree({
      "db/schema.ts": `export const LEVELS = ["generales"] as const;\n`,
      "app/domain/vocabulary.ts": `export const LEVELS = ["generales"] as const;\n`,
      "app/forms/ok.server.ts": `import { z } from "zod";\nimport { LEVELS } from "~/domain/vocabulary";\nexport const ok = z.enum(LEVELS);\n`,
      "app/forms/wrong.server.ts": `import { z } from "zod";\nimport { LEVELS } from "../../db/schema";\nexport const wrong = z.enum(LEVELS);\n`,
    });
    expect(findViolations(root)).toEqual([{ file: "app/forms/wrong.server.ts", line: 2, specifier: "../../db/schema", rule: ruleFor("app/forms", "db") }]);
  });
});
