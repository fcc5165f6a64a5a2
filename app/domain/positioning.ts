// Positioning tests (tests de positionnement) for established staff: what a result says of each
// competency of the block, which modules become "acquis", and the personal list of modules to follow
// or refresh. Pure: no I/O.
import type { PositioningOutcome } from "./vocabulary";

export type PositioningRules = { questionsPerCompetency: number; minTypes?: number; masteryMark: number; consolidateMark: number };

export type Outcome = PositioningOutcome;
export const POSITIONING_OUTCOME_LABELS: Record<Outcome, string> = { maitrisee: "Maîtrisée", a_consolider: "À consolider", a_acquerir: "À acquérir" };

export type CompetencyOutcome = { competencyId: string; correct: number; total: number; percent: number; outcome: Outcome };

/**
 * The outcome of each competency of the block from the graded questions of one positioning attempt.
 * "Maîtrisée" (validated by test) needs enough evidence: at least `questionsPerCompetency` questions of
 * at least `minTypes` types, all at the mastery mark. With less evidence, a perfect score is only
 * "à consolider"; a competency none of whose questions was drawn is "à acquérir".
 */
export function positioningOutcomes(
  competencyIds: string[],
  results: { competencyId: string; correct: boolean; type?: string }[],
  rules: PositioningRules,
): CompetencyOutcome[] {
  return competencyIds.map((competencyId) => {
    const mine = results.filter((r) => r.competencyId === competencyId);
    const correct = mine.filter((r) => r.correct).length;
    const total = mine.length;
    const percent = total ? Math.round((correct * 100) / total) : 0;
    const types = new Set(mine.map((r) => r.type)).size;
    const enough = total >= rules.questionsPerCompetency && types >= (rules.minTypes ?? 1);
    const outcome: Outcome =
      total > 0 && percent >= rules.masteryMark && enough ? "maitrisee" : total > 0 && percent >= rules.consolidateMark ? "a_consolider" : "a_acquerir";
    return { competencyId, correct, total, percent, outcome };
  });
}

/** The date from which the positioning test of a block may be taken again, or null when it may be now. */
export function nextPositioningDate(lastAt: string | null, retryAfterDays: number, now: Date): Date | null {
  if (!lastAt || retryAfterDays <= 0) return null;
  const next = new Date(Date.parse(lastAt) + retryAfterDays * 86_400_000);
  return next > now ? next : null;
}

/** Modules every competency of which is mastered: they are marked "acquis". */
export function modulesAcquired(modules: { id: string; competencies: string[] }[], outcomes: CompetencyOutcome[]): string[] {
  const mastered = new Set(outcomes.filter((o) => o.outcome === "maitrisee").map((o) => o.competencyId));
  return modules.filter((m) => m.competencies.length > 0 && m.competencies.every((c) => mastered.has(c))).map((m) => m.id);
}

export const PLAN_ACTIONS = ["a_suivre", "a_rafraichir", "acquis"] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];
export const PLAN_LABELS: Record<PlanAction, string> = { a_suivre: "À suivre", a_rafraichir: "À rafraîchir", acquis: "Acquis : inutile de les suivre" };

export type PlanItem<M> = M & { action: PlanAction; reason: string };

/**
 * The personal list after a positioning test. For each module of the block, from the outcomes of its
 * competencies (the weakest counts): all mastered → acquis; one to acquire → to follow, unless she already
 * completed it (then to refresh); otherwise → to refresh. Modules to follow come first, then to refresh.
 */
export function personalPlan<M extends { id: string; competencies: string[]; done: boolean }>(modules: M[], outcomes: CompetencyOutcome[]): PlanItem<M>[] {
  const byId = new Map(outcomes.map((o) => [o.competencyId, o]));
  const rank: Record<PlanAction, number> = { a_suivre: 0, a_rafraichir: 1, acquis: 2 };
  return modules
    .map((m): PlanItem<M> => {
      const mine = m.competencies.map((c) => byId.get(c)).filter((o): o is CompetencyOutcome => Boolean(o));
      const score = mine.length ? `${mine.reduce((n, o) => n + o.correct, 0)} bonne(s) réponse(s) sur ${mine.reduce((n, o) => n + o.total, 0)}` : "compétence non évaluée";
      if (mine.length && mine.every((o) => o.outcome === "maitrisee")) return { ...m, action: "acquis", reason: `Maîtrisé au test (${score}) : inutile de le suivre.` };
      if (mine.length === 0 || mine.some((o) => o.outcome === "a_acquerir"))
        return m.done ? { ...m, action: "a_rafraichir", reason: `Déjà terminé, mais le test montre des oublis (${score}).` } : { ...m, action: "a_suivre", reason: `À découvrir (${score}).` };
      return { ...m, action: "a_rafraichir", reason: `Des bases solides, quelques points à revoir (${score}).` };
    })
    .sort((a, b) => rank[a.action] - rank[b.action]);
}
