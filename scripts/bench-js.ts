// `npm run bench:js` (after `npm run build`): gzipped JavaScript each page downloads, read from the
// Remix asset manifest (see js-budget.ts for what a page loads). Prints one row per page, heaviest
// first, then the heaviest files and how many pages they reach; exits 1 when a page is above budget.
// Beside each page, what it may load later through import() (« différé », not counted in the budget).
// Resource routes (no browser export: CSV, PDF, JSON…) are left out: a document request to them
// loads no script. Optional argument: the project root (default: the current directory).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { deferredFiles, forbiddenBrowserInputs, parseManifestScript, routeWeights, type BuiltImport, type ManifestRoute } from "./js-budget";

const BUDGET_KB = 100;
const KB = 1024;

const root = path.resolve(process.argv[2] ?? process.cwd());
const publicDir = path.join(root, "public");
const serverBuild = path.join(root, "build", "index.js");
if (!fs.existsSync(serverBuild)) {
  console.error("Build absent (build/index.js) : lancez « npm run build ».");
  process.exit(1);
}

// The server build names the manifest of the same build; public/build may hold older ones.
const manifestUrl = /"(\/build\/manifest-[A-Za-z0-9]+\.js)"/.exec(fs.readFileSync(serverBuild, "utf8"))?.[1];
if (!manifestUrl) {
  console.error("Manifeste introuvable dans build/index.js.");
  process.exit(1);
}
const manifest = parseManifestScript(fs.readFileSync(path.join(publicDir, manifestUrl), "utf8"));

// From esbuild's metafile: resource routes (their browser module holds nothing from the route file, only
// Remix's empty stub) and the imports of every built file.
const resourceModules = new Set<string>();
const builtImports = new Map<string, BuiltImport[]>();
const shippedInputs = new Set<string>();
const metafile = path.join(root, "build", "metafile.js.json");
if (fs.existsSync(metafile)) {
  const { outputs } = JSON.parse(fs.readFileSync(metafile, "utf8")) as {
    outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }>; imports?: BuiltImport[] }>;
  };
  const url = (file: string) => `/${path.relative(publicDir, path.resolve(root, file)).split(path.sep).join("/")}`;
  for (const [file, output] of Object.entries(outputs)) {
    const inputs = Object.keys(output.inputs);
    if (output.entryPoint?.startsWith("browser-route-module:") && inputs.every((i) => i.startsWith("browser-route-module:"))) resourceModules.add(url(file));
    builtImports.set(url(file), (output.imports ?? []).filter((i) => !i.path.startsWith("/")).map((i) => ({ path: url(i.path), kind: i.kind })));
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) if (bytesInOutput > 0) shippedInputs.add(input);
  }
}
// A layout with an index child (the root) never renders alone: its weight is already in its children.
const hasIndexChild = new Set(Object.values(manifest.routes).filter((r) => r.index && r.parentId).map((r) => r.parentId));
const isPage = (route: ManifestRoute) => !resourceModules.has(route.module) && !hasIndexChild.has(route.id);

const sizes = new Map<string, number>();
const gzipped = (file: string) => {
  let size = sizes.get(file);
  if (size === undefined) sizes.set(file, (size = gzipSync(fs.readFileSync(path.join(publicDir, file)), { level: 9 }).length));
  return size;
};
const pages = routeWeights(manifest, gzipped, isPage);
const deferredBytes = (files: string[]) => deferredFiles(files, (f) => builtImports.get(f) ?? []).reduce((sum, f) => sum + gzipped(f), 0);
const kb = (bytes: number) => (bytes / KB).toFixed(1);

const idWidth = Math.max(...pages.map((p) => p.id.length), 5);
const urlWidth = Math.max(...pages.map((p) => p.url.length), 3);
console.log(`JavaScript gzippé (niveau 9) par page — ${pages.length} pages, budget ${BUDGET_KB} Ko (1 Ko = 1024 octets)\n`);
console.log(`${"route".padEnd(idWidth)}  ${"URL".padEnd(urlWidth)}  fichiers      Ko  différé`);
for (const p of pages) {
  const later = deferredBytes(p.files);
  console.log(
    `${p.id.padEnd(idWidth)}  ${p.url.padEnd(urlWidth)}  ${String(p.files.length).padStart(8)}  ${kb(p.bytes).padStart(6)}  ${(later ? `+${kb(later)}` : "").padStart(7)}${p.bytes > BUDGET_KB * KB ? "  ← au-dessus du budget" : ""}`,
  );
}

// The heaviest files and their reach: where to look first when a page grows.
const reach = new Map<string, number>();
for (const p of pages) for (const f of p.files) reach.set(f, (reach.get(f) ?? 0) + 1);
const heaviest = [...reach.keys()].map((f) => ({ f, bytes: gzipped(f) })).sort((a, b) => b.bytes - a.bytes).slice(0, 8);
console.log("\nfichiers les plus lourds :");
for (const { f, bytes } of heaviest) console.log(`  ${kb(bytes).padStart(6)} Ko  ${f}  (${reach.get(f)} page(s))`);
if (resourceModules.size) console.log(`\n${resourceModules.size} route(s) de ressource sans script ignorée(s).`);

const forbidden = forbiddenBrowserInputs([...shippedInputs]);
if (forbidden.length) {
  console.error(`\nzod classique ou une traduction de zod autre que le français dans le navigateur :\n  ${forbidden.join("\n  ")}`);
  process.exitCode = 1;
}

const over = pages.filter((p) => p.bytes > BUDGET_KB * KB);
if (over.length) {
  console.error(`\n${over.length} page(s) au-dessus de ${BUDGET_KB} Ko : ${over.map((p) => p.id).join(", ")}`);
  process.exitCode = 1;
} else {
  console.log(`\ntoutes les pages sous ${BUDGET_KB} Ko (la plus lourde : ${pages[0] ? `${pages[0].id}, ${kb(pages[0].bytes)} Ko` : "aucune"}).`);
}
