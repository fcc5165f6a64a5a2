// Gathers one learner's evidence (quiz answers, tutor validations, block assessments) and applies
// the certifying pathway's rules to it.
import { and, eq, isNotNull } from "drizzle-orm";
import { competencyValidations, quizAttempts } from "../../db/schema";
import { ASSESSMENT_PREFIX, getCertificationRules, getReferential, listModules } from "~/content/modules.server";
import { evaluatePathway, type BlockRule, type CertificationRules, type Evidence } from "~/domain/certification";
import { getDb } from "~/utils/db.server";

/** The referential's blocks as the rules engine reads them. */
export function blockRules(): BlockRule[] {
  return getReferential().blocks.map((b) => ({
    id: b.id,
    number: b.number,
    title: b.title,
    competencies: b.competencies.map((c) => ({ id: c.id, title: c.title, levels: c.levels })),
  }));
}

export function engineRules(): CertificationRules {
  const rules = getCertificationRules();
  return { quizPassMark: rules.quiz.passMark, quizMinQuestions: rules.quiz.minQuestions, blockAssessmentPassMark: rules.blockAssessment.passMark };
}

export async function loadEvidence(userId: string): Promise<Evidence> {
  const db = getDb();
  const [attempts, validations] = await Promise.all([
    db
      .select({ moduleId: quizAttempts.moduleId, results: quizAttempts.results, score: quizAttempts.score, submittedAt: quizAttempts.submittedAt })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), isNotNull(quizAttempts.submittedAt))),
    db
      .select({ competencyId: competencyValidations.competencyId, level: competencyValidations.level, observedOn: competencyValidations.observedOn, supersededAt: competencyValidations.supersededAt })
      .from(competencyValidations)
      .where(eq(competencyValidations.learnerId, userId)),
  ]);
  const competencyOf = new Map(listModules().flatMap((m) => (m.quiz?.questions ?? []).map((q) => [q.id, q.competency] as const)));
  const answers: Evidence["answers"] = [];
  const blockAssessments: Evidence["blockAssessments"] = [];
  for (const a of attempts) {
    for (const r of (a.results ?? []) as { id: string; correct: boolean }[]) {
      const competencyId = competencyOf.get(r.id);
      if (competencyId) answers.push({ questionId: r.id, competencyId, correct: r.correct, at: a.submittedAt! });
    }
    if (a.moduleId.startsWith(ASSESSMENT_PREFIX) && a.score !== null) blockAssessments.push({ blockId: a.moduleId.slice(ASSESSMENT_PREFIX.length), score: a.score, at: a.submittedAt! });
  }
  return { answers, validations, blockAssessments };
}

export async function certificationOf(userId: string) {
  return evaluatePathway(blockRules(), await loadEvidence(userId), engineRules());
}
