// Serves compiled content to routes from the manifest written at build time.
// The file is read once; in development it is read again when the content watcher rewrites it.
import fs from "node:fs";
import path from "node:path";
import type { TermDefinition } from "~/components/mdx/terme";
import type { CompiledFiche, CompiledModule, Manifest } from "./build.server";
import type { GlossaryEntry } from "./glossary";
import { competencyIndex, type Referential } from "./referential";
import type { BlockId } from "./schema";

const manifestPath = () => path.join(process.env.PIVOT_CONTENT_DIR ?? path.join(process.cwd(), ".content-cache"), "manifest.json");

type Loaded = {
  mtimeMs: number;
  manifest: Manifest;
  bySlug: Map<string, CompiledModule>;
  referential: Referential;
  competencies: ReturnType<typeof competencyIndex>;
  glossary: Map<string, GlossaryEntry>;
  fiches: Map<string, CompiledFiche>;
};
let cache: Loaded | undefined;

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
    if (!manifest.referential) throw new Error("Contenu invalide : le référentiel des compétences manque. Lancez « npm run content:check ».");
    cache = {
      mtimeMs,
      manifest,
      bySlug: new Map(manifest.modules.map((m) => [m.frontmatter.id, m])),
      referential: manifest.referential,
      competencies: competencyIndex(manifest.referential),
      glossary: new Map(manifest.glossary.map((e) => [e.id, e])),
      fiches: new Map(manifest.fiches.map((f) => [f.frontmatter.id, f])),
    };
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

export function getReferential(): Referential {
  return load().referential;
}

export function getCompetency(id: string) {
  return load().competencies.get(id);
}

/** The three blocks, from the referential (the one source of truth). */
export function listBlocks() {
  return getReferential().blocks;
}

export function getBlock(id: string) {
  return listBlocks().find((b) => b.id === id);
}

/** The module before and after this one in its block. */
export function neighbours(module: CompiledModule) {
  const list = listModulesOfBlock(module.frontmatter.block);
  const i = list.findIndex((m) => m.frontmatter.id === module.frontmatter.id);
  return { previous: i > 0 ? list[i - 1] : undefined, next: i >= 0 ? list[i + 1] : undefined };
}

export function listGlossary(): GlossaryEntry[] {
  return load().manifest.glossary;
}

export function getGlossaryEntry(id: string) {
  return load().glossary.get(id);
}

/** The definitions a page needs for its <Terme> links, and nothing more. */
export function termDefinitions(ids: string[]): Record<string, TermDefinition> {
  const out: Record<string, TermDefinition> = {};
  for (const id of ids) {
    const e = load().glossary.get(id);
    if (e) out[id] = { term: e.term, definition: e.expansion ? `${e.expansion}. ${e.definition}` : e.definition };
  }
  return out;
}

export function listFiches(): CompiledFiche[] {
  return load().manifest.fiches;
}

export function getFiche(id: string) {
  return load().fiches.get(id);
}

/** The default integration path (content/parcours-integration.yaml). */
export function getIntegrationPath() {
  const template = load().manifest.integrationPath;
  if (!template) throw new Error("Contenu invalide : le parcours d'intégration manque. Lancez « npm run content:check ».");
  return template;
}

/** The certifying pathway's rules (content/certification.yaml). */
export function getCertificationRules() {
  const rules = load().manifest.certification;
  if (!rules) throw new Error("Contenu invalide : les règles du parcours certifiant manquent (content/certification.yaml).");
  return rules;
}

export const ASSESSMENT_PREFIX = "evaluation-";

/**
 * The final assessment of a block as a quiz: its bank is every question of the block's modules, a draw of
 * the size set by the rules, their pass mark. Built from the compiled content, never per request work
 * beyond this object.
 */
export function getBlockAssessment(blockId: string): CompiledModule | undefined {
  const block = getBlock(blockId);
  if (!block) return undefined;
  const rules = getCertificationRules();
  const questions = listModulesOfBlock(block.id).flatMap((m) => m.quiz?.questions ?? []);
  return {
    file: `content/certification.yaml#${block.id}`,
    code: "",
    hash: "",
    wordCount: 0,
    terms: [],
    frontmatter: {
      id: `${ASSESSMENT_PREFIX}${block.id}`,
      title: `Évaluation du bloc ${block.number} — ${block.title}`,
      block: block.id,
      order: 0,
      estimatedMinutes: Math.round(rules.blockAssessment.questions * 1.5),
      level: "operationnelles",
      version: getReferential().version,
      summary: `Une évaluation finale de ${rules.blockAssessment.questions} questions tirées dans tous les modules du bloc.`,
      objectives: [],
      prerequisites: [],
      competencies: block.competencies.map((c) => c.id),
      changelog: [],
    },
    quiz: { passMark: rules.blockAssessment.passMark, drawCount: Math.min(rules.blockAssessment.questions, questions.length), questions },
  };
}
