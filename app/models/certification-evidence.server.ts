// Gathers one learner's evidence (quiz answers, tutor validations, block assessments) and applies
// the certifying pathway's rules to it.
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { certificates, competencyValidations, quizAttempts } from "../../db/schema";
import { ASSESSMENT_PREFIX, getCertificationRules, getReferential, listModules } from "~/content/modules.server";
import { certificateStatus, evaluatePathway, LEVELS, type BlockRule, type CertificationRules, type CertLevel, type Evidence } from "~/domain/certification";

import { getDb } from "~/utils/db.server";
import { parisDay } from "~/utils/dates";

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
      .select({
        competencyId: competencyValidations.competencyId,
        level: competencyValidations.level,
        observedOn: competencyValidations.observedOn,
        supersededAt: competencyValidations.supersededAt,
      })
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
    if (a.moduleId.startsWith(ASSESSMENT_PREFIX) && a.score !== null)
      blockAssessments.push({ blockId: a.moduleId.slice(ASSESSMENT_PREFIX.length), score: a.score, at: a.submittedAt! });
  }
  return { answers, validations, blockAssessments };
}

/**
 * One learner's standing on the pathway: her evidence, and the block certificates she currently holds
 * (valid or « à actualiser »), which count as validated levels whatever evidence is recorded. The one
 * source of every progress figure on the learner's, the tutor's and the cadre's pages.
 */
export async function certificationOf(userId: string) {
  const rules = getCertificationRules();
  const [evidence, certified] = await Promise.all([loadEvidence(userId), certifiedLevelsOf([userId], parisDay(), rules.validity.warningDays)]);
  const held = new Map([...(certified.get(userId) ?? new Map()).entries()].map(([blockId, c]) => [blockId, c.level]));
  return evaluatePathway(blockRules(), evidence, engineRules(), held);
}

/** Certified levels per learner and block (one query), with the "à actualiser" flag of each certificate. */
export async function certifiedLevelsOf(userIds: string[], today: string, warningDays: number) {
  const out = new Map<string, Map<string, { level: CertLevel; status: ReturnType<typeof certificateStatus> }>>();
  if (userIds.length === 0) return out;
  const rows = await getDb()
    .select({
      userId: certificates.userId,
      blockId: certificates.blockId,
      level: certificates.level,
      validUntil: certificates.validUntil,
      revokedAt: certificates.revokedAt,
      renewedAt: certificates.renewedAt,
    })
    .from(certificates)
    .where(and(inArray(certificates.userId, userIds), eq(certificates.kind, "bloc"), isNull(certificates.revokedAt)));
  for (const r of rows) {
    const status = certificateStatus(r, today, warningDays);
    if (status === "expire" || status === "renouvele") continue;
    const byBlock = out.get(r.userId) ?? new Map();
    const current = byBlock.get(r.blockId);
    if (!current || LEVELS.indexOf(r.level) > LEVELS.indexOf(current.level)) byBlock.set(r.blockId, { level: r.level, status });
    out.set(r.userId, byBlock);
  }
  return out;
}
