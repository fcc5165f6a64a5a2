// Serves compiled content to routes from the manifest written at build time.
// The file is read once; in development it is read again when the content watcher rewrites it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { AlertView, ConductView } from "~/components/mdx/alerte";
import type { PageBody } from "~/components/mdx-html";
import { CONDUCTS } from "./alerts";
import { renderMdx } from "./render.server";
import { estimateMinutes } from "./duration";
import type { Situation } from "./situations";
import type { TermDefinition } from "~/components/mdx/terme";
import { glossaryHref } from "~/domain/glossary";
import { renewalScope } from "~/domain/certification";
import { updateQuizPool } from "~/domain/updates";
import type { CompiledFiche, CompiledModule, Manifest, QuizKind } from "./build.server";
import type { GlossaryEntry } from "./glossary";
import { competencyIndex, type Referential } from "./referential";
import type { BlockId, Quiz } from "./module-schema";

const manifestPath = () => path.join(process.env.PIVOT_CONTENT_DIR ?? path.join(process.cwd(), ".content-cache"), "manifest.json");

type Loaded = {
  mtimeMs: number;
  manifest: Manifest;
  bySlug: Map<string, CompiledModule>;
  referential: Referential;
  competencies: ReturnType<typeof competencyIndex>;
  glossary: Map<string, GlossaryEntry>;
  fiches: Map<string, CompiledFiche>;
  /** Question id → the module section that teaches it. */
  teaching: Map<string, SectionToReread>;
  /** Bodies rendered to HTML, by file, filled on first use: once per content version and process. */
  html: Map<string, { html: string; key: string }>;
};
let cache: Loaded | undefined;

function load(): NonNullable<typeof cache> {
  if (cache && process.env.NODE_ENV === "production") return cache;
  const file = manifestPath();
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
      teaching: teachingIndex(manifest.modules),
      html: new Map(),
    };
  }
  return cache;
}

/** Where a question is taught: a section of its module (questions ids are unique across the catalogue). */
export type SectionToReread = { moduleId: string; moduleTitle: string; slug: string; title: string };

function teachingIndex(modules: CompiledModule[]) {
  const index = new Map<string, SectionToReread>();
  for (const m of modules)
    for (const [questionId, slug] of Object.entries(m.questionSections ?? {})) {
      const section = m.sections?.find((s) => s.slug === slug);
      if (section) index.set(questionId, { moduleId: m.frontmatter.id, moduleTitle: m.frontmatter.title, slug, title: section.title });
    }
  return index;
}

export function sectionToReread(questionId: string): SectionToReread | null {
  return load().teaching.get(questionId) ?? null;
}

/** The body of a module or a fiche as HTML and its key, rendered on first use and kept with the content version. */
function renderedBody(item: CompiledModule | CompiledFiche) {
  const { html } = load();
  let rendered = html.get(item.file);
  if (rendered === undefined) {
    const body = renderMdx({ code: item.code, terms: termDefinitions(item.terms), alerts: alertDefinitions(item.alerts) });
    const kind = "block" in item.frontmatter ? "module" : "fiche";
    const key = `${kind}:${item.frontmatter.id}:${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 12)}`;
    rendered = { html: body, key };
    html.set(item.file, rendered);
  }
  return rendered;
}

/**
 * A page's body for its loader. On a document request the HTML is left out of the page's data: the server
 * renders it from its key (entry.server.tsx) and the browser keeps what it received, so the page does not
 * carry its body twice. On a data request (a navigation in the browser) it comes with the data.
 */
export function pageBody(item: CompiledModule | CompiledFiche, options: { documentRequest: boolean }): PageBody {
  const { html, key } = renderedBody(item);
  return { key, html: options.documentRequest ? null : html };
}

/** The body named by a key of pageBody, as the server renders a document (undefined for an unknown key). */
export function bodyByKey(key: string): string | undefined {
  const [kind, id] = key.split(":");
  const item = kind === "module" ? getModule(id ?? "") : kind === "fiche" ? getFiche(id ?? "") : undefined;
  return item ? renderedBody(item).html : undefined;
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

/** The conduct of a red flag as one sentence, from the registry (for glossary entries that are red flags). */
export function alertConductSentence(alertId: string | undefined): string | null {
  const a = alertId ? (load().manifest.alerts ?? []).find((x) => x.id === alertId) : undefined;
  return a ? `Signe d'alerte : ${CONDUCTS[a.conduite].label.charAt(0).toLowerCase()}${CONDUCTS[a.conduite].label.slice(1)}.` : null;
}

/** The definitions a page needs for its <Terme> links, and nothing more. */
export function termDefinitions(ids: string[]): Record<string, TermDefinition> {
  const out: Record<string, TermDefinition> = {};
  for (const id of ids) {
    const e = load().glossary.get(id);
    if (!e) continue;
    const text = [e.expansion ? `${e.expansion}. ${e.definition}` : e.definition, alertConductSentence(e.alerte)].filter(Boolean).join(" ");
    out[id] = { term: e.term, definition: text, href: glossaryHref(e) };
  }
  return out;
}

/** The red flags a page names (by id) and the conducts it may show, from the registry. */
export function alertDefinitions(ids: readonly string[]): { alerts: Record<string, AlertView>; conducts: Record<string, ConductView> } {
  const registry = new Map((load().manifest.alerts ?? []).map((a) => [a.id, a]));
  const alerts: Record<string, AlertView> = {};
  for (const id of ids) {
    const a = registry.get(id);
    if (a) alerts[id] = { signe: a.signe, conduite: a.conduite, ...CONDUCTS[a.conduite] };
  }
  const conducts = Object.fromEntries(Object.entries(CONDUCTS).map(([id, c]) => [id, { label: c.label, urgent: c.urgent }]));
  return { alerts, conducts };
}

/** Interactive situations, all or those a module offers. */
export function listSituations(moduleId?: string): Situation[] {
  const all = load().manifest.situations ?? [];
  return moduleId ? all.filter((s) => s.module === moduleId) : all;
}

export function getSituation(id: string): Situation | undefined {
  return (load().manifest.situations ?? []).find((s) => s.id === id);
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

/** A quiz that is not a module (block assessment, positioning test, update or renewal quiz) built from module banks. */
function standaloneQuiz(input: {
  kind: QuizKind;
  id: string;
  title: string;
  block: BlockId;
  version: string;
  summary: string;
  competencies: string[];
  quiz: Quiz;
}): CompiledModule {
  return {
    file: `content/certification.yaml#${input.id}`,
    code: "",
    hash: "",
    wordCount: 0,
    terms: [],
    alerts: [],
    kind: input.kind,
    frontmatter: {
      id: input.id,
      title: input.title,
      block: input.block,
      order: 0,
      estimatedMinutes: estimateMinutes({ words: 0, questions: input.quiz.drawCount }),
      level: "operationnelles",
      version: input.version,
      summary: input.summary,
      objectives: [],
      prerequisites: [],
      competencies: input.competencies,
      changelog: [],
    },
    quiz: input.quiz,
  };
}

const questionsOfBlock = (blockId: BlockId) => listModulesOfBlock(blockId).flatMap((m) => m.quiz?.questions ?? []);

/**
 * The final assessment of a block as a quiz: its bank is every question of the block's modules, a draw of
 * the size set by the rules, their pass mark. Built from the compiled content, never per request work
 * beyond this object.
 */
export function getBlockAssessment(blockId: string): CompiledModule | undefined {
  const block = getBlock(blockId);
  if (!block) return undefined;
  const rules = getCertificationRules();
  const questions = questionsOfBlock(block.id);
  return standaloneQuiz({
    kind: "evaluation",
    id: `${ASSESSMENT_PREFIX}${block.id}`,
    title: `Évaluation du bloc ${block.number} — ${block.title}`,
    block: block.id,
    version: getReferential().version,
    summary: `Une évaluation finale de ${rules.blockAssessment.questions} questions tirées dans tous les modules du bloc.`,
    competencies: block.competencies.map((c) => c.id),
    quiz: { passMark: rules.blockAssessment.passMark, drawCount: Math.min(rules.blockAssessment.questions, questions.length), questions },
  });
}

const POSITIONING_PREFIX = "positionnement-";

/** The positioning test of a block: the same number of questions for each of its competencies. */
export function getPositioningTest(blockId: string): CompiledModule | undefined {
  const block = getBlock(blockId);
  if (!block) return undefined;
  const rules = getCertificationRules().positioning;
  const questions = questionsOfBlock(block.id);
  const drawCount = block.competencies.reduce((n, c) => n + Math.min(rules.questionsPerCompetency, questions.filter((q) => q.competency === c.id).length), 0);
  return standaloneQuiz({
    kind: "positionnement",
    id: `${POSITIONING_PREFIX}${block.id}`,
    title: `Test de positionnement — Bloc ${block.number} : ${block.title}`,
    block: block.id,
    version: getReferential().version,
    summary: `Vous exercez déjà ? En ${drawCount} questions, ${rules.questionsPerCompetency} par compétence, repérez ce que vous maîtrisez : les modules correspondants sont marqués « acquis » et vous recevez la liste des modules à suivre ou à rafraîchir.`,
    competencies: block.competencies.map((c) => c.id),
    quiz: { passMark: rules.masteryMark, drawCount: Math.max(1, drawCount), drawPerCompetency: rules.questionsPerCompetency, questions },
  });
}

/** How many questions the short update quiz of a module draws at most. */
const UPDATE_QUIZ_QUESTIONS = 5;

/**
 * The short update quiz of a module for someone who completed `fromVersion`: the questions the changelog
 * ties to the changes since (or the whole bank when it names none).
 */
export function getUpdateQuiz(moduleId: string, fromVersion: string): CompiledModule | undefined {
  const module = getModule(moduleId);
  if (!module?.quiz) return undefined;
  const pool = updateQuizPool(module.frontmatter.changelog, fromVersion, module.quiz.questions);
  return standaloneQuiz({
    kind: "mise-a-jour",
    id: `mise-a-jour-${moduleId}`,
    title: `Mise à jour — ${module.frontmatter.title}`,
    block: module.frontmatter.block,
    version: module.frontmatter.version,
    summary: `Quelques questions sur ce qui a changé dans le module depuis la version ${fromVersion}.`,
    competencies: module.frontmatter.competencies,
    quiz: { passMark: module.quiz.passMark, drawCount: Math.min(UPDATE_QUIZ_QUESTIONS, pool.length), questions: pool },
  });
}

const RENEWAL_PREFIX = "renouvellement-";

/**
 * The refresher quiz that renews the certificates of a block, or of the whole pathway ("parcours"), per
 * content/certification.yaml.
 */
export function getRenewalQuiz(scope: string): CompiledModule | undefined {
  const blocks = listBlocks().filter((b) => scope === "parcours" || b.id === scope);
  if (blocks.length === 0) return undefined;
  const competencies = renewalScope(blocks.flatMap((b) => b.competencies));
  const rules = getCertificationRules().renewal;
  const block = getBlock(scope);
  const wanted = new Set(competencies);
  const questions = listModules().flatMap((m) => (m.quiz?.questions ?? []).filter((q) => wanted.has(q.competency)));
  return standaloneQuiz({
    kind: "renouvellement",
    id: `${RENEWAL_PREFIX}${scope}`,
    title: block ? `Renouvellement — Bloc ${block.number} : ${block.title}` : `Renouvellement — ${getCertificationRules().pathway.title}`,
    block: block?.id ?? listBlocks()[0]!.id,
    version: getReferential().version,
    summary: `Un quiz de rafraîchissement de ${Math.min(rules.questions, questions.length)} questions sur les compétences qui demandent d'être actualisées.`,
    competencies,
    quiz: { passMark: rules.passMark, drawCount: Math.max(1, Math.min(rules.questions, questions.length)), questions },
  });
}
