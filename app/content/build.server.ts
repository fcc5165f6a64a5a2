// Reads content/, validates every file, compiles MDX with mdx-bundler (cached by content hash)
// and writes the manifest the server reads. Runs at build time and in content:check, never per request.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { MDX_COMPONENT_NAMES } from "~/components/mdx/names";
import { countWords, jsxTagsIn, splitFrontmatter } from "./frontmatter";
import { referentialSchema, type Referential } from "./referential";
import { formatIssues, moduleFrontmatterSchema, quizSchema, type ModuleFrontmatter, type Quiz } from "./schema";
import { frenchTypography, typographizeDeep } from "~/utils/typography";

export type CompiledModule = {
  file: string;
  frontmatter: ModuleFrontmatter;
  code: string;
  hash: string;
  wordCount: number;
  quiz: Quiz | null;
};

export type Manifest = { version: 1; referential: Referential | null; modules: CompiledModule[] };

/** A module's quiz bank must hold at least this many questions. */
export const MIN_QUESTIONS = 12;
export type Problem = { file: string; problem: string };

const COMPILER_VERSION = "mdx-2-gfm";

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

async function compileMdx(body: string, cacheDir: string): Promise<{ code: string; hash: string }> {
  const hash = crypto.createHash("sha256").update(COMPILER_VERSION).update(body).digest("hex");
  const cached = path.join(cacheDir, "mdx", `${hash}.js`);
  if (fs.existsSync(cached)) return { code: fs.readFileSync(cached, "utf8"), hash };
  const { bundleMDX } = await import("mdx-bundler");
  const { default: remarkGfm } = await import("remark-gfm");
  const result = await bundleMDX({
    source: body,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkFrenchTypography];
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

/** Validates and compiles every module. Problems are collected, never thrown. */
export async function buildContent(options: { root: string; cacheDir: string }): Promise<{ manifest: Manifest; problems: Problem[] }> {
  const { root, cacheDir } = options;
  const modulesDir = path.join(root, "content", "modules");
  const problems: Problem[] = [];
  const modules: CompiledModule[] = [];
  const report = (file: string, problem: string) => problems.push({ file: relative(root, file), problem });
  const referential = readReferential(path.join(root, "content", "referentiel.yaml"), report);

  for (const file of listFiles(modulesDir, ".mdx")) {
    const slug = path.basename(file, ".mdx");
    const folder = path.basename(path.dirname(file));
    const split = splitFrontmatter(fs.readFileSync(file, "utf8"));
    if (split.error) {
      report(file, split.error);
      continue;
    }
    const parsed = moduleFrontmatterSchema.safeParse(split.data);
    if (!parsed.success) {
      formatIssues(parsed.error).forEach((p) => report(file, p));
      continue;
    }
    const fm = parsed.data;
    if (fm.id !== slug) report(file, `id « ${fm.id} » différent du nom du fichier « ${slug} »`);
    if (fm.block !== folder) report(file, `block « ${fm.block} » différent du dossier « ${folder} »`);
    for (const tag of jsxTagsIn(split.body))
      if (!(MDX_COMPONENT_NAMES as readonly string[]).includes(tag))
        report(file, `composant inconnu <${tag}> (disponibles : ${MDX_COMPONENT_NAMES.join(", ")})`);
    if (/^#\s/m.test(split.body)) report(file, "titre de niveau 1 (#) interdit dans le corps : le titre vient du frontmatter");

    const quizFile = file.replace(/\.mdx$/, ".quiz.yaml");
    let quiz: Quiz | null = null;
    if (fs.existsSync(quizFile)) {
      quiz = readQuiz(quizFile, fm, report);
    } else {
      report(file, `quiz absent : ${relative(root, quizFile)} est attendu`);
    }

    let compiled: { code: string; hash: string };
    try {
      compiled = await compileMdx(split.body, cacheDir);
    } catch (error) {
      const first = (error as { errors?: { text?: string; detail?: { cause?: { message?: string } } }[] }).errors?.[0];
      const detail = first?.detail?.cause?.message ?? first?.text?.split("\n").pop()?.trim() ?? String((error as Error).message).split("\n")[0];
      report(file, `MDX invalide (positions comptées après le frontmatter) : ${detail}`);
      continue;
    }
    modules.push({
      file: relative(root, file),
      frontmatter: typographizeDeep(fm),
      code: compiled.code,
      hash: compiled.hash,
      wordCount: countWords(split.body),
      quiz: quiz ? typographizeDeep(quiz) : null,
    });
  }

  // Cross-file checks.
  const ids = new Map<string, string>();
  for (const m of modules) {
    const other = ids.get(m.frontmatter.id);
    if (other) problems.push({ file: m.file, problem: `id « ${m.frontmatter.id} » déjà utilisé par ${other}` });
    ids.set(m.frontmatter.id, m.file);
  }
  for (const m of modules)
    for (const pre of m.frontmatter.prerequisites)
      if (!ids.has(pre)) problems.push({ file: m.file, problem: `prérequis « ${pre} » : aucun module ne porte cet id` });

  for (const m of modules) {
    const count = m.quiz?.questions.length ?? 0;
    if (m.quiz && count < MIN_QUESTIONS) problems.push({ file: m.file.replace(/\.mdx$/, ".quiz.yaml"), problem: `${count} questions : la banque doit en compter au moins ${MIN_QUESTIONS}` });
  }
  if (referential) checkCoverage(referential, modules, (file, problem) => problems.push({ file, problem }));

  for (const orphan of listFiles(modulesDir, ".quiz.yaml"))
    if (!fs.existsSync(orphan.replace(/\.quiz\.yaml$/, ".mdx"))) report(orphan, "quiz sans module (.mdx du même nom absent)");

  modules.sort((a, b) => a.frontmatter.block.localeCompare(b.frontmatter.block) || a.frontmatter.order - b.frontmatter.order);
  return { manifest: { version: 1, referential, modules }, problems };
}

function readQuiz(file: string, fm: ModuleFrontmatter, report: (file: string, problem: string) => void): Quiz | null {
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, "utf8"));
  } catch (error) {
    report(file, `YAML illisible : ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
  const parsed = quizSchema.safeParse(data);
  if (!parsed.success) {
    formatIssues(parsed.error, data).forEach((p) => report(file, p));
    return null;
  }
  for (const q of parsed.data.questions)
    if (!fm.competencies.includes(q.competency))
      report(file, `question ${q.id} : compétence « ${q.competency} » absente des compétences du module`);
  return parsed.data;
}

function readReferential(file: string, report: (file: string, problem: string) => void): Referential | null {
  if (!fs.existsSync(file)) {
    report(file, "référentiel absent : content/referentiel.yaml est la source des blocs et des compétences");
    return null;
  }
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, "utf8"));
  } catch (error) {
    report(file, `YAML illisible : ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
  const parsed = referentialSchema.safeParse(data);
  if (!parsed.success) {
    formatIssues(parsed.error).forEach((p) => report(file, p));
    return null;
  }
  return typographizeDeep(parsed.data);
}

/** Every reference resolves; every competency is served by a module and assessed by a question. */
function checkCoverage(ref: Referential, modules: CompiledModule[], report: (file: string, problem: string) => void) {
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
