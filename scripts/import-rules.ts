// Which way imports may point inside app/. Parsed with the TypeScript compiler API (no bundler, no type
// checking): every import, re-export and dynamic import() of the files under app/domain, app/components
// and app/routes is resolved to a folder of the project and checked against the rules below.
//
// - app/domain/ imports nothing from db/, app/models/, app/components/ or app/routes/, not even types:
//   the rules stay pure and testable without a database or React.
// - app/components/ imports app/models/ for types only, and nothing from db/.
// - app/routes/ imports db/ for types only: routes read and write through app/models/.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type Violation = {
  /** The importing file, relative to the root, with forward slashes. */
  file: string;
  /** 1-based line where the import statement starts (or of the literal, for `import()` and `require()`). */
  line: number;
  /** The module specifier as written. */
  specifier: string;
  /** The broken rule, in plain English. */
  rule: string;
};

type Area = "db" | "app/models" | "app/components" | "app/routes" | "app/domain" | "app/forms";

type Rule = {
  /** Folder whose files the rule applies to. */
  from: Area;
  /** Folder they may not import. */
  to: Area;
  /** Whether `import type` (erased at build time) is still allowed. */
  typesAllowed: boolean;
  message: string;
};

export const RULES: readonly Rule[] = [
  {
    from: "app/domain",
    to: "db",
    typesAllowed: false,
    message: "app/domain must not import from db/ (domain rules stay free of the database, types included)",
  },
  {
    from: "app/domain",
    to: "app/models",
    typesAllowed: false,
    message: "app/domain must not import from app/models/ (domain rules stay free of data access, types included)",
  },
  {
    from: "app/domain",
    to: "app/components",
    typesAllowed: false,
    message: "app/domain must not import from app/components/ (domain rules stay free of the UI, types included)",
  },
  {
    from: "app/domain",
    to: "app/routes",
    typesAllowed: false,
    message: "app/domain must not import from app/routes/ (domain rules stay free of the UI, types included)",
  },
  { from: "app/components", to: "app/models", typesAllowed: true, message: "app/components must not import app/models/ at run time (use `import type`)" },
  { from: "app/components", to: "db", typesAllowed: false, message: "app/components must not import from db/" },
  { from: "app/forms", to: "db", typesAllowed: false, message: "app/forms must not import from db/ (closed lists come from app/domain/vocabulary.ts)" },
  { from: "app/routes", to: "db", typesAllowed: true, message: "app/routes must not import db/ at run time (go through app/models/, or use `import type`)" },
];

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** A module specifier found in a file, with whether it survives compilation. */
export type ImportSite = { specifier: string; line: number; typeOnly: boolean };

/**
 * The imports of one source file: import declarations (also side-effect ones), `export … from`,
 * `import x = require()`, dynamic `import()` and `require()` with a literal argument. Type-only means
 * erased at build time: `import type`, `export type`, or named bindings that are all marked `type`
 * (the project does not set verbatimModuleSyntax, so such a declaration is dropped); `typeof import()`
 * in a type is not collected at all.
 */
export function importsOf(fileName: string, text: string): ImportSite[] {
  const kind = fileName.endsWith(".tsx") || fileName.endsWith(".jsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const sites: ImportSite[] = [];
  /** `at`: where the import is reported (a declaration's first line; the literal of a call). */
  const add = (literal: ts.Expression, typeOnly: boolean, at: ts.Node = literal) => {
    if (!ts.isStringLiteralLike(literal)) return;
    const { line } = source.getLineAndCharacterOfPosition(at.getStart(source));
    sites.push({ specifier: literal.text, line: line + 1, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allNamedAreTypes = Boolean(
        clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly),
      );
      add(node.moduleSpecifier, Boolean(clause?.isTypeOnly) || allNamedAreTypes, node);
      return;
    }
    if (ts.isExportDeclaration(node)) {
      if (!node.moduleSpecifier) return;
      const clause = node.exportClause;
      const allNamedAreTypes = Boolean(clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier, node.isTypeOnly || allNamedAreTypes, node);
      return;
    }
    if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly, node);
      return;
    }
    if (ts.isCallExpression(node)) {
      const [argument] = node.arguments;
      const dynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const requireCall = ts.isIdentifier(node.expression) && node.expression.text === "require";
      if ((dynamicImport || requireCall) && argument) add(argument, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/**
 * The file or folder a specifier points to, relative to the root (forward slashes), or null for a
 * package. `~/` is the app/ alias; a bare specifier whose first segment is a folder of the root and not a
 * package is read from the root, as tsconfig's `baseUrl: "."` would.
 */
export function resolveSpecifier(root: string, importer: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith("~/")) target = path.join(root, "app", specifier.slice(2));
  else if (specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../"))
    target = path.resolve(path.dirname(importer), specifier);
  else if (path.isAbsolute(specifier)) target = specifier;
  else {
    const first = specifier.split("/")[0]!;
    if (first.startsWith("@") || first.includes(":")) return null;
    if (!isDirectory(path.join(root, first)) || fs.existsSync(path.join(root, "node_modules", first))) return null;
    target = path.join(root, specifier);
  }
  return path.relative(root, target).split(path.sep).join("/");
}

function isDirectory(p: string) {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const within = (relative: string, area: string) => relative === area || relative.startsWith(`${area}/`);

/** Every source file under a folder, sorted, skipping node_modules and dot-folders. */
function sourceFiles(dir: string): string[] {
  if (!isDirectory(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.isFile() && SOURCE.test(entry.name)) out.push(full);
  }
  return out;
}

/** The imports under `root` that break a rule, in file then line order. */
export function findViolations(root: string): Violation[] {
  const absoluteRoot = path.resolve(root);
  const violations: Violation[] = [];
  const areas = [...new Set(RULES.map((r) => r.from))];
  for (const area of areas) {
    const rules = RULES.filter((r) => r.from === area);
    for (const file of sourceFiles(path.join(absoluteRoot, area))) {
      const relativeFile = path.relative(absoluteRoot, file).split(path.sep).join("/");
      for (const site of importsOf(file, fs.readFileSync(file, "utf8"))) {
        const target = resolveSpecifier(absoluteRoot, file, site.specifier);
        if (target === null) continue;
        for (const rule of rules) {
          if (!within(target, rule.to) || (site.typeOnly && rule.typesAllowed)) continue;
          violations.push({ file: relativeFile, line: site.line, specifier: site.specifier, rule: rule.message });
        }
      }
    }
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** One line per violation: `file:line: rule ("specifier")`. */
export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}: ${v.rule} ("${v.specifier}")`;
}
