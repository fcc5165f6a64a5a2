// Editorial rules of the published catalogue (issue texts: module length and structure, fiche length,
// catalogue size). They apply to the real content through `npm run content:check`; the build's own
// checks (schemas, references, coverage) stay valid for small test fixtures.
import { addStats, bankStats, bankStatsProblems, type BankStats } from "./bank-stats";
import type { Manifest } from "./build.server";
import { BLOCK_IDS } from "./module-schema";

export const EDITORIAL = {
  moduleWords: { min: 1200, max: 3000 },
  minSituations: 2,
  ficheWords: { min: 600, max: 950 },
  minModulesPerBlock: 6,
  minFiches: 14,
  minGlossaryEntries: 300,
  minInteractiveSituationsPerBlock: 2,
  /** What a newcomer needs before she answers the phone alone: due in her first week. */
  firstWeekModules: ["priorisation-information", "situations-difficiles", "identitovigilance"],
} as const;

type Problem = { file: string; problem: string };

export function editorialProblems(manifest: Manifest, bodies: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  const { moduleWords, ficheWords } = EDITORIAL;
  for (const m of manifest.modules) {
    const body = bodies.get(m.file) ?? "";
    if (m.wordCount < moduleWords.min || m.wordCount > moduleWords.max)
      problems.push({ file: m.file, problem: `${m.wordCount} mots : un module compte de ${moduleWords.min} à ${moduleWords.max} mots` });
    const situations = (body.match(/<Situation[\s>]/g) ?? []).length;
    if (situations < EDITORIAL.minSituations)
      problems.push({ file: m.file, problem: `${situations} cas <Situation> : il en faut au moins ${EDITORIAL.minSituations}` });
    if (!/<Encadre[^>]*type=["']retenir["']/.test(body))
      problems.push({ file: m.file, problem: "résumé « À retenir » absent (<Encadre type=\"retenir\">)" });
  }
  // Quiz banks: per bank, then for the whole catalogue.
  let overall: BankStats = { single: 0, longestCorrect: 0, multiple: 0, oneWrong: 0 };
  for (const m of manifest.modules) {
    if (!m.quiz) continue;
    const stats = bankStats(m.quiz.questions);
    overall = addStats(overall, stats);
    for (const problem of bankStatsProblems(stats, "bank")) problems.push({ file: m.file.replace(/\.mdx$/, ".quiz.yaml"), problem });
  }
  for (const problem of bankStatsProblems(overall, "overall")) problems.push({ file: "content/modules", problem: `ensemble des banques : ${problem}` });
  // Positioning: enough questions of each competency, of several types, for two attempts to differ.
  const positioning = manifest.certification?.positioning;
  if (positioning && manifest.referential)
    for (const block of manifest.referential.blocks)
      for (const c of block.competencies) {
        const pool = manifest.modules.filter((m) => m.frontmatter.block === block.id).flatMap((m) => m.quiz?.questions ?? []).filter((q) => q.competency === c.id);
        const types = new Set(pool.map((q) => q.type)).size;
        if (pool.length <= positioning.questionsPerCompetency || types < positioning.minTypes)
          problems.push({
            file: "content/referentiel.yaml",
            problem: `compétence « ${c.id} » : ${pool.length} question(s) de ${types} type(s) dans les banques du bloc ; le test de positionnement en tire ${positioning.questionsPerCompetency} d'au moins ${positioning.minTypes} types, il en faut plus pour que deux tentatives diffèrent`,
          });
      }
  for (const f of manifest.fiches)
    if (f.wordCount < ficheWords.min || f.wordCount > ficheWords.max)
      problems.push({ file: f.file, problem: `${f.wordCount} mots : une fiche réflexe compte de ${ficheWords.min} à ${ficheWords.max} mots` });
  for (const block of BLOCK_IDS) {
    const interactive = (manifest.situations ?? []).filter((s) => s.block === block).length;
    if (interactive < EDITORIAL.minInteractiveSituationsPerBlock)
      problems.push({ file: "content/situations", problem: `${interactive} mise(s) en situation interactive(s) dans le bloc ${block} : il en faut au moins ${EDITORIAL.minInteractiveSituationsPerBlock}` });
    const count = manifest.modules.filter((m) => m.frontmatter.block === block).length;
    if (count < EDITORIAL.minModulesPerBlock)
      problems.push({ file: `content/modules/${block}`, problem: `${count} module(s) : un bloc en compte au moins ${EDITORIAL.minModulesPerBlock}` });
  }
  for (const id of EDITORIAL.firstWeekModules) {
    const step = manifest.integrationPath?.steps.find((s) => s.module === id);
    if (manifest.integrationPath && (!step || step.dueDay > 7))
      problems.push({ file: "content/parcours-integration.yaml", problem: `module « ${id} » : à suivre dans la première semaine (avant de répondre seule au téléphone), échéance au jour 7 au plus tard` });
  }
  if (manifest.fiches.length < EDITORIAL.minFiches)
    problems.push({ file: "content/fiches", problem: `${manifest.fiches.length} fiche(s) réflexe(s) : il en faut au moins ${EDITORIAL.minFiches}` });
  if (!manifest.certification)
    problems.push({ file: "content/certification.yaml", problem: "règles du parcours certifiant absentes : content/certification.yaml est attendu" });
  if (manifest.glossary.length < EDITORIAL.minGlossaryEntries)
    problems.push({ file: "content/glossaire.yaml", problem: `${manifest.glossary.length} entrée(s) : le glossaire en compte au moins ${EDITORIAL.minGlossaryEntries}` });
  return problems;
}
