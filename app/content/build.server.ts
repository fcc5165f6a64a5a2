// Reads content/, validates every file, compiles MDX with mdx-bundler (cached by content hash)
// and writes the manifest the server reads. Runs at build time and in content:check, never per request.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "~/utils/zod";
import { FICHE_COMPONENT_NAMES, MDX_COMPONENT_NAMES } from "~/components/mdx/names";
import { frenchTypography, typographizeDeep } from "~/utils/typography";
import { countWords, jsxTagsIn, splitFrontmatter } from "./frontmatter";
import { ficheFrontmatterSchema, ficheSectionProblems, glossarySchema, termIdsIn, type FicheFrontmatter, type Glossary } from "./glossary";
import { certificationRulesSchema, pathTemplateSchema, type CertificationRulesFile, type PathTemplate } from "./integration-path";
import { referentialSchema, type Referential } from "./referential";
import { alertIdsIn, alertProblems, alertsFileSchema, freeTextConducts, type Alert } from "./alerts";
import { weekdayProblems } from "./weekdays";
import { estimateMinutes } from "./duration";
import { situationSchema, type Situation } from "./situations";
import { sectionsOf, teachingSection, type ModuleSection } from "./sections";
import { describeExpected } from "~/domain/quiz";
import { slugify } from "~/utils/slug";
import { formatIssues, moduleFrontmatterSchema, quizSchema, type ModuleFrontmatter, type Quiz } from "./module-schema";

type CompiledMdx = { file: string; code: string; hash: string; wordCount: number; terms: string[]; alerts: string[] };
/** Quizzes that are not modules, built from the modules' banks: they leave module progress alone. */
export type QuizKind = "evaluation" | "positionnement" | "mise-a-jour" | "renouvellement";
export type CompiledModule = CompiledMdx & {
  frontmatter: ModuleFrontmatter;
  quiz: Quiz | null;
  kind?: QuizKind;
  /** The module's `##` sections, and for each question of its bank the one that teaches it (its slug). */
  sections?: ModuleSection[];
  questionSections?: Record<string, string>;
};
export type CompiledFiche = CompiledMdx & { frontmatter: FicheFrontmatter };

export type Manifest = {
  version: 1;
  referential: Referential | null;
  glossary: Glossary["entries"];
  integrationPath: PathTemplate | null;
  certification?: CertificationRulesFile | null;
  /** The registry of red flags (content/alertes.yaml). */
  alerts: Alert[];
  /** Interactive situations (content/situations/*.yaml). */
  situations: Situation[];
  modules: CompiledModule[];
  fiches: CompiledFiche[];
};

/** A module's quiz bank must hold at least this many questions. */
export const MIN_QUESTIONS = 12;
export type Problem = { file: string; problem: string };
type Report = (file: string, problem: string) => void;

const COMPILER_VERSION = "mdx-3-gfm-table-labels";

function listFiles(dir: string, ext: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

/** A remark plugin applying French typography to every text node. */
function remarkFrenchTypography() {
  type Node = { type: string; value?: string; children?: Node[] };
  const walk = (node: Node) => {
    if (node.type === "text" && typeof node.value === "string") node.value = frenchTypography(node.value);
    node.children?.forEach(walk);
  };
  return (tree: Node) => walk(tree);
}

/**
 * A remark plugin giving each table cell the text of its column header (`data-label`), so that on a
 * phone a table can be shown as one labelled card per row instead of overflowing the screen.
 */
function remarkTableLabels() {
  type Node = { type: string; value?: string; children?: Node[]; data?: { hProperties?: Record<string, unknown> } };
  const textOf = (node: Node): string => (typeof node.value === "string" ? node.value : (node.children ?? []).map(textOf).join(""));
  const walk = (node: Node) => {
    if (node.type === "table" && node.children?.length) {
      const [head, ...rows] = node.children;
      const labels = (head!.children ?? []).map((cell) => frenchTypography(textOf(cell).trim()));
      for (const row of rows)
        (row.children ?? []).forEach((cell, i) => {
          cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, dataLabel: labels[i] ?? "" } };
        });
    }
    node.children?.forEach(walk);
  };
  return (tree: Node) => walk(tree);
}

async function compileMdx(body: string, cacheDir: string): Promise<{ code: string; hash: string }> {
  const hash = crypto.createHash("sha256").update(COMPILER_VERSION).update(body).digest("hex");
  const cached = path.join(cacheDir, "mdx", `${hash}.js`);
  if (fs.existsSync(cached)) return { code: fs.readFileSync(cached, "utf8"), hash };
  const { bundleMDX } = await import("mdx-bundler");
  const { default: remarkGfm } = await import("remark-gfm");
  const result = await bundleMDX({
    source: body,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkFrenchTypography, remarkTableLabels];
      return options;
    },
    esbuildOptions(options) {
      options.logLevel = "silent"; // errors are reported as `file: problem` lines instead
      return options;
    },
  });
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  fs.writeFileSync(cached, result.code);
  return { code: result.code, hash };
}

function relative(root: string, file: string) {
  return path.relative(root, file).split(path.sep).join("/");
}

/**
 * The shared path of every MDX file: frontmatter validated by `schema`, components checked against
 * `components`, body compiled. Returns null (after reporting) when the file cannot be used.
 */
async function readMdx<S extends z.ZodType>(
  file: string,
  schema: S,
  components: readonly string[],
  ctx: { root: string; cacheDir: string; report: Report; bodies: Map<string, string> },
): Promise<{ frontmatter: z.infer<S>; body: string; compiled: CompiledMdx } | null> {
  const report = (p: string) => ctx.report(file, p);
  const split = splitFrontmatter(fs.readFileSync(file, "utf8"));
  if (split.error) return report(split.error), null;
  const parsed = schema.safeParse(split.data);
  if (!parsed.success) return formatIssues(parsed.error).forEach(report), null;
  for (const tag of jsxTagsIn(split.body))
    if (!components.includes(tag)) report(`composant inconnu <${tag}> (disponibles : ${components.join(", ")})`);
  if (/^#\s/m.test(split.body)) report("titre de niveau 1 (#) interdit dans le corps : le titre vient du frontmatter");
  weekdayProblems(split.body).forEach(report);
  try {
    const { code, hash } = await compileMdx(split.body, ctx.cacheDir);
    ctx.bodies.set(relative(ctx.root, file), split.body);
    return {
      frontmatter: parsed.data,
      body: split.body,
      compiled: { file: relative(ctx.root, file), code, hash, wordCount: countWords(split.body), terms: termIdsIn(split.body), alerts: alertIdsIn(split.body) },
    };
  } catch (error) {
    const first = (error as { errors?: { text?: string; detail?: { cause?: { message?: string } } }[] }).errors?.[0];
    const detail = first?.detail?.cause?.message ?? first?.text?.split("\n").pop()?.trim() ?? String((error as Error).message).split("\n")[0];
    report(`MDX invalide (positions comptées après le frontmatter) : ${detail}`);
    return null;
  }
}

function readYaml<S extends z.ZodType>(file: string, schema: S, report: Report, missing: string): z.infer<S> | null {
  if (!fs.existsSync(file)) return report(file, missing), null;
  weekdayProblems(fs.readFileSync(file, "utf8")).forEach((p) => report(file, p));
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, "utf8"));
  } catch (error) {
    return report(file, `YAML illisible : ${(error as Error).message.split("\n")[0]}`), null;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return formatIssues(parsed.error, data).forEach((p) => report(file, p)), null;
  return parsed.data;
}

/** Validates and compiles all content. Problems are collected, never thrown. */
export async function buildContent(options: { root: string; cacheDir: string }): Promise<{ manifest: Manifest; problems: Problem[]; bodies: Map<string, string> }> {
  const { root, cacheDir } = options;
  const problems: Problem[] = [];
  const report: Report = (file, problem) => problems.push({ file: file.startsWith(root) ? relative(root, file) : file, problem });
  const bodies = new Map<string, string>(); // MDX bodies by file, for the search index
  const ctx = { root, cacheDir, report, bodies };
  const contentDir = path.join(root, "content");

  const referential = readYaml(path.join(contentDir, "referentiel.yaml"), referentialSchema, report, "référentiel absent : content/referentiel.yaml est la source des blocs et des compétences");
  const glossary = readYaml(path.join(contentDir, "glossaire.yaml"), glossarySchema, report, "glossaire absent : content/glossaire.yaml est attendu");
  const pathFile = path.join(contentDir, "parcours-integration.yaml");
  const integrationPath = readYaml(pathFile, pathTemplateSchema, report, "parcours d'intégration absent : content/parcours-integration.yaml est attendu");
  // The certifying pathway's rules are optional for small test fixtures, required in the catalogue (editorial rules).
  const certFile = path.join(contentDir, "certification.yaml");
  const certification = fs.existsSync(certFile) ? readYaml(certFile, certificationRulesSchema, report, "") : null;

  const alertsFile = readYaml(path.join(contentDir, "alertes.yaml"), alertsFileSchema, report, "registre des signes d'alerte absent : content/alertes.yaml est attendu");
  const alerts = new Map((alertsFile?.alertes ?? []).map((a) => [a.id, a]));

  const modules: CompiledModule[] = [];
  const modulesDir = path.join(contentDir, "modules");
  for (const file of listFiles(modulesDir, ".mdx")) {
    const read = await readMdx(file, moduleFrontmatterSchema, MDX_COMPONENT_NAMES, ctx);
    if (!read) continue;
    const fm = read.frontmatter;
    const slug = path.basename(file, ".mdx");
    const folder = path.basename(path.dirname(file));
    if (fm.id !== slug) report(file, `id « ${fm.id} » différent du nom du fichier « ${slug} »`);
    if (fm.block !== folder) report(file, `block « ${fm.block} » différent du dossier « ${folder} »`);
    alertProblems(read.body, { alerts }).forEach((p) => report(file, p));
    const quizFile = file.replace(/\.mdx$/, ".quiz.yaml");
    const quiz = readYaml(quizFile, quizSchema, report, `quiz absent : ${relative(root, quizFile)} est attendu`);
    if (quiz) {
      for (const q of quiz.questions)
        if (!fm.competencies.includes(q.competency)) report(quizFile, `question ${q.id} : compétence « ${q.competency} » absente des compétences du module`);
      if (quiz.questions.length < MIN_QUESTIONS) report(quizFile, `${quiz.questions.length} questions : la banque doit en compter au moins ${MIN_QUESTIONS}`);
      const bank = new Set(quiz.questions.map((q) => q.id));
      for (const entry of fm.changelog)
        for (const id of entry.questions ?? []) if (!bank.has(id)) report(file, `changelog ${entry.version} : question « ${id} » absente du quiz`);
    }
    const sections = sectionsOf(read.body);
    for (const [i, s] of sections.entries())
      if (sections.findIndex((o) => o.slug === s.slug) !== i) report(file, `deux titres ## donnent la même ancre « ${s.slug} » : renommez l'un d'eux`);
    const questionSections: Record<string, string> = {};
    for (const q of quiz?.questions ?? []) {
      const chosen = q.section ? slugify(q.section) : teachingSection(`${q.case ?? ""} ${q.prompt} ${describeExpected(q)} ${q.explanation}`, sections);
      if (q.section && !sections.some((s) => s.slug === chosen)) report(quizFile, `question ${q.id} : section « ${q.section} » absente du module (titres ## du fichier .mdx)`);
      else if (chosen) questionSections[q.id] = chosen;
    }
    const estimatedMinutes = estimateMinutes({ words: read.compiled.wordCount, questions: quiz?.drawCount ?? 0 });
    modules.push({
      ...read.compiled,
      frontmatter: typographizeDeep({ ...fm, estimatedMinutes }),
      quiz: quiz ? typographizeDeep(quiz) : null,
      sections: sections.map(({ slug, title }) => ({ slug, title: frenchTypography(title) })),
      questionSections,
    });
  }
  for (const orphan of listFiles(modulesDir, ".quiz.yaml"))
    if (!fs.existsSync(orphan.replace(/\.quiz\.yaml$/, ".mdx"))) report(orphan, "quiz sans module (.mdx du même nom absent)");

  const fiches: CompiledFiche[] = [];
  for (const file of listFiles(path.join(contentDir, "fiches"), ".mdx")) {
    const read = await readMdx(file, ficheFrontmatterSchema, FICHE_COMPONENT_NAMES, ctx);
    if (!read) continue;
    const slug = path.basename(file, ".mdx");
    if (read.frontmatter.id !== slug) report(file, `id « ${read.frontmatter.id} » différent du nom du fichier « ${slug} »`);
    ficheSectionProblems(read.body).forEach((p) => report(file, p));
    alertProblems(read.body, { alerts, ficheAlerts: read.frontmatter.alertes }).forEach((p) => report(file, p));
    fiches.push({ ...read.compiled, frontmatter: typographizeDeep(read.frontmatter) });
  }

  const situations: Situation[] = [];
  for (const file of listFiles(path.join(contentDir, "situations"), ".yaml")) {
    const situation = readYaml(file, situationSchema, report, "");
    if (!situation) continue;
    if (situation.id !== path.basename(file, ".yaml")) report(file, `id « ${situation.id} » différent du nom du fichier`);
    const mod = modules.find((m) => m.frontmatter.id === situation.module);
    if (!mod) report(file, `module « ${situation.module} » introuvable`);
    else {
      if (mod.frontmatter.block !== situation.block) report(file, `bloc « ${situation.block} » différent de celui du module (${mod.frontmatter.block})`);
      for (const c of situation.competencies) if (!mod.frontmatter.competencies.includes(c)) report(file, `compétence « ${c} » absente des compétences du module`);
    }
    alertProblems(JSON.stringify(situation), { alerts }).forEach((p) => report(file, p));
    situations.push(situation);
  }

  // Cross-file checks.
  const ids = new Map<string, string>();
  for (const m of modules) {
    const other = ids.get(m.frontmatter.id);
    if (other) report(m.file, `id « ${m.frontmatter.id} » déjà utilisé par ${other}`);
    ids.set(m.frontmatter.id, m.file);
  }
  const questionIds = new Map<string, string>();
  for (const m of modules)
    for (const q of m.quiz?.questions ?? []) {
      const other = questionIds.get(q.id);
      if (other && other !== m.frontmatter.id) report(m.file.replace(/\.mdx$/, ".quiz.yaml"), `question ${q.id} : identifiant déjà utilisé dans le module ${other}`);
      questionIds.set(q.id, m.frontmatter.id);
    }
  for (const m of modules)
    for (const pre of m.frontmatter.prerequisites) if (!ids.has(pre)) report(m.file, `prérequis « ${pre} » : aucun module ne porte cet id`);
  if (referential) checkCoverage(referential, modules, report);
  if (glossary) {
    const known = new Set(glossary.entries.map((e) => e.id));
    const glossaryFile = path.join(contentDir, "glossaire.yaml");
    for (const e of glossary.entries) {
      for (const p of freeTextConducts([e.definition, e.example ?? ""].join("\n"))) report(glossaryFile, `entrée ${e.id} : ${p}`);
      if (e.alerte && !alerts.has(e.alerte)) report(glossaryFile, `entrée ${e.id} : signe d'alerte « ${e.alerte} » absent du registre content/alertes.yaml`);
    }
    for (const item of [...modules, ...fiches]) for (const t of item.terms) if (!known.has(t)) report(item.file, `terme <Terme id="${t}"> absent du glossaire`);
    for (const f of fiches) for (const t of f.frontmatter.vocabulary) if (!known.has(t)) report(f.file, `vocabulaire : « ${t} » absent du glossaire`);
  }

  if (integrationPath)
    for (const step of integrationPath.steps) {
      if (step.module && !ids.has(step.module)) report(pathFile, `étape « ${step.id} » : module « ${step.module} » introuvable`);
      if (step.fiche && !fiches.some((f) => f.frontmatter.id === step.fiche)) report(pathFile, `étape « ${step.id} » : fiche « ${step.fiche} » introuvable`);
    }

  modules.sort((a, b) => a.frontmatter.block.localeCompare(b.frontmatter.block) || a.frontmatter.order - b.frontmatter.order);
  fiches.sort((a, b) => a.frontmatter.title.localeCompare(b.frontmatter.title, "fr"));
  return {
    manifest: {
      version: 1,
      referential: referential ? typographizeDeep(referential) : null,
      glossary: glossary ? typographizeDeep(glossary.entries) : [],
      integrationPath: integrationPath ? typographizeDeep(integrationPath) : null,
      certification: certification ? typographizeDeep(certification) : null,
      alerts: typographizeDeep([...alerts.values()]),
      situations: typographizeDeep(situations),
      modules,
      fiches,
    },
    problems,
    bodies,
  };
}

/** Every reference resolves; every competency is served by a module and assessed by a question. */
function checkCoverage(ref: Referential, modules: CompiledModule[], report: Report) {
  const known = new Set(ref.blocks.flatMap((b) => b.competencies.map((c) => c.id)));
  const served = new Set<string>();
  const assessed = new Set<string>();
  for (const m of modules) {
    for (const c of m.frontmatter.competencies) {
      if (known.has(c)) served.add(c);
      else report(m.file, `compétence « ${c} » absente du référentiel`);
    }
    for (const q of m.quiz?.questions ?? []) if (known.has(q.competency)) assessed.add(q.competency);
  }
  for (const block of ref.blocks)
    for (const c of block.competencies) {
      if (!served.has(c.id)) report("content/referentiel.yaml", `compétence « ${c.id} » servie par aucun module`);
      if (!assessed.has(c.id)) report("content/referentiel.yaml", `compétence « ${c.id} » évaluée par aucune question`);
    }
}

export function writeManifest(manifest: Manifest, cacheDir: string) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const target = path.join(cacheDir, "manifest.json");
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(manifest));
  fs.renameSync(tmp, target); // atomic: a running server never reads half a file
}
