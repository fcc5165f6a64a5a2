// Serves compiled content to routes from the manifest written at build time.
// The file is read once; in development it is read again when the content watcher rewrites it.
import fs from "node:fs";
import path from "node:path";
import type { CompiledModule, Manifest } from "./build.server";
import type { BlockId } from "./schema";

const manifestPath = () => path.join(process.env.PIVOT_CONTENT_DIR ?? path.join(process.cwd(), ".content-cache"), "manifest.json");

let cache: { mtimeMs: number; manifest: Manifest; bySlug: Map<string, CompiledModule> } | undefined;

function load(): NonNullable<typeof cache> {
  const file = manifestPath();
  if (cache && process.env.NODE_ENV === "production") return cache;
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    throw new Error(`Contenu non compilé : ${file} est absent. Lancez « npm run content:build ».`);
  }
  if (!cache || cache.mtimeMs !== mtimeMs) {
    const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
    cache = { mtimeMs, manifest, bySlug: new Map(manifest.modules.map((m) => [m.frontmatter.id, m])) };
  }
  return cache;
}

export function listModules(): CompiledModule[] {
  return load().manifest.modules;
}

export function getModule(slug: string): CompiledModule | undefined {
  return load().bySlug.get(slug);
}

export function listModulesOfBlock(block: BlockId): CompiledModule[] {
  return listModules().filter((m) => m.frontmatter.block === block);
}

export const BLOCKS: { id: BlockId; number: number; title: string }[] = [
  { id: "gestion-information", number: 1, title: "Gestion de l'information" },
  { id: "ecosysteme-soins", number: 2, title: "Écosystème de soins" },
  { id: "competences-transversales", number: 3, title: "Compétences transversales" },
];
