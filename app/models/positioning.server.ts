// Positioning tests of established staff: their outcomes per competency, the modules they mark « acquis »,
// and the personal list of modules to follow or refresh. Always scoped by the learner who took them.
import crypto from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { positioningResults } from "../../db/schema";
import type { CompiledModule } from "~/content/build.server";
import { getBlock, getCertificationRules, listBlocks, listModulesOfBlock } from "~/content/modules.server";
import {
  modulesAcquired,
  nextPositioningDate,
  POSITIONING_OUTCOME_LABELS,
  personalPlan,
  positioningOutcomes,
  type CompetencyOutcome,
} from "~/domain/positioning";
import { moduleState, type ProgressRow } from "~/domain/progress";
import type { QuestionResult } from "~/domain/quiz";
import { getDb } from "~/utils/db.server";
import { listProgress, markAcquired } from "./progress.server";
import type { BlockId } from "~/content/module-schema";

/**
 * Records what a graded positioning attempt shows: one row per competency of the block, and marks the
 * modules whose competencies are all mastered as « acquis », in one transaction. Recording the same attempt
 * twice changes nothing.
 */
export async function recordPositioning({
  userId,
  test,
  attemptId,
  results,
}: {
  userId: string;
  test: CompiledModule;
  attemptId: string;
  results: QuestionResult[];
}) {
  const block = getBlock(test.frontmatter.block)!;
  const questionOf = new Map((test.quiz?.questions ?? []).map((q) => [q.id, q]));
  const graded = results.flatMap((r) => {
    const q = questionOf.get(r.id);
    return q ? [{ competencyId: q.competency, correct: r.correct, type: q.type }] : [];
  });
  const outcomes = positioningOutcomes(
    block.competencies.map((c) => c.id),
    graded,
    getCertificationRules().positioning,
  );
  const modules = listModulesOfBlock(block.id);
  const acquired = new Set(
    modulesAcquired(
      modules.map((m) => ({ id: m.frontmatter.id, competencies: m.frontmatter.competencies })),
      outcomes,
    ),
  );
  await getDb().transaction(async (tx) => {
    await tx
      .insert(positioningResults)
      .values(
        outcomes.map((o) => ({
          id: crypto.randomUUID(),
          userId,
          blockId: block.id,
          attemptId,
          competencyId: o.competencyId,
          correct: o.correct,
          total: o.total,
          outcome: o.outcome,
        })),
      )
      .onConflictDoNothing();
    await markAcquired({ userId, modules: modules.filter((m) => acquired.has(m.frontmatter.id)), tx });
  });
  return outcomes;
}

type Latest = { attemptId: string; at: string; outcomes: CompetencyOutcome[] };

/** The latest positioning of each block she took (one query). */
export async function latestPositionings(userId: string, blockIds: string[] = listBlocks().map((b) => b.id)): Promise<Map<string, Latest>> {
  const out = new Map<string, Latest>();
  if (blockIds.length === 0) return out;
  const rows = await getDb()
    .select()
    .from(positioningResults)
    .where(and(eq(positioningResults.userId, userId), inArray(positioningResults.blockId, blockIds)))
    .orderBy(desc(positioningResults.createdAt));
  for (const r of rows) {
    const latest = out.get(r.blockId);
    if (latest && latest.attemptId !== r.attemptId) continue; // an older attempt
    const percent = r.total ? Math.round((r.correct * 100) / r.total) : 0;
    const outcome = { competencyId: r.competencyId, correct: r.correct, total: r.total, percent, outcome: r.outcome };
    if (latest) latest.outcomes.push(outcome);
    else out.set(r.blockId, { attemptId: r.attemptId, at: r.createdAt, outcomes: [outcome] });
  }
  return out;
}

/** When she may take the positioning test of a block again (the rules' waiting time), or null if now. */
export async function nextPositioning({ userId, blockId, now = new Date() }: { userId: string; blockId: string; now?: Date }) {
  const last = (await latestPositionings(userId, [blockId])).get(blockId);
  return nextPositioningDate(last?.at ?? null, getCertificationRules().positioning.retryAfterDays, now);
}

/** Competencies validated by test: mastered in the latest positioning of their block. */
export async function competenciesValidatedByTest(userId: string) {
  const latest = await latestPositionings(userId);
  const out = new Map<string, { at: string; correct: number; total: number }>();
  for (const l of latest.values())
    for (const o of l.outcomes) if (o.outcome === "maitrisee") out.set(o.competencyId, { at: l.at, correct: o.correct, total: o.total });
  return out;
}

/**
 * Her personal list after the positioning tests she took: per block, each module with what to do. A page that
 * already loaded her progress passes it; a page about one block names it.
 */
export async function personalPlans(userId: string, options: { progress?: ProgressRow[]; blockIds?: string[] } = {}) {
  const blocks = listBlocks().filter((b) => !options.blockIds || options.blockIds.includes(b.id));
  const [latest, progress] = await Promise.all([
    latestPositionings(
      userId,
      blocks.map((b) => b.id),
    ),
    options.progress ?? listProgress(userId),
  ]);
  const byModule = new Map(progress.map((p) => [p.moduleId, p]));
  return blocks.flatMap((b) => {
    const l = latest.get(b.id);
    if (!l) return [];
    const competencyTitle = new Map(b.competencies.map((c) => [c.id, c.title]));
    const modules = listModulesOfBlock(b.id as BlockId).map((m) => {
      const state = moduleState(byModule.get(m.frontmatter.id));
      return {
        id: m.frontmatter.id,
        title: m.frontmatter.title,
        minutes: m.frontmatter.estimatedMinutes,
        competencies: m.frontmatter.competencies,
        done: state === "termine",
        state,
      };
    });
    return [
      {
        blockId: b.id,
        number: b.number,
        title: b.title,
        at: l.at,
        attemptId: l.attemptId,
        competencies: l.outcomes.map((o) => ({
          ...o,
          title: competencyTitle.get(o.competencyId) ?? o.competencyId,
          label: POSITIONING_OUTCOME_LABELS[o.outcome],
        })),
        plan: personalPlan(modules, l.outcomes).map((p) => ({ id: p.id, title: p.title, minutes: p.minutes, action: p.action, reason: p.reason })),
      },
    ];
  });
}
