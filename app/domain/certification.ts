// The certifying pathway's rules, applied to one learner's evidence. Pure: no I/O.
// A block is validated at a level when, for every competency of the block and for that level and the
// levels below it, the evidence the referential asks for is present (quiz results on the questions
// tied to the competency, observations by a tutor, or both), and the block's final assessment is passed.
// Every result says what is met, what is missing, and what to do next, in French.

import { LEVELS, LEVEL_NAMES, type Level } from "./vocabulary";

export { LEVELS, LEVEL_NAMES };
export type CertLevel = Level;

export type LevelRule = { assessment: "quiz" | "observation" | "both"; observations?: number };
export type CompetencyRule = { id: string; title: string; levels: Record<CertLevel, LevelRule> };
export type BlockRule = { id: string; number: number; title: string; competencies: CompetencyRule[] };
export type CertificationRules = { quizPassMark: number; quizMinQuestions: number; blockAssessmentPassMark: number };

export type Evidence = {
  /** Every graded answer, with the competency its question is tied to. */
  answers: { questionId: string; competencyId: string; correct: boolean; at: string }[];
  /** Tutor validations; corrected ones carry supersededAt and no longer count. */
  validations: { competencyId: string; level: CertLevel; observedOn: string; supersededAt: string | null }[];
  /** Final assessments of the blocks (best score counts). */
  blockAssessments: { blockId: string; score: number; at: string }[];
};

export type QuizStatus = { answered: number; correct: number; percent: number; met: boolean };
export type ObservationStatus = { required: number; observed: number; met: boolean };

/** Quiz evidence for a competency: the latest answer to each of its questions. */
export function quizStatus(evidence: Evidence, competencyId: string, rules: CertificationRules): QuizStatus {
  const latest = new Map<string, { correct: boolean; at: string }>();
  for (const a of evidence.answers) {
    if (a.competencyId !== competencyId) continue;
    const prev = latest.get(a.questionId);
    if (!prev || a.at > prev.at) latest.set(a.questionId, { correct: a.correct, at: a.at });
  }
  const answered = latest.size;
  const correct = [...latest.values()].filter((v) => v.correct).length;
  const percent = answered ? Math.round((correct * 100) / answered) : 0;
  return { answered, correct, percent, met: answered >= rules.quizMinQuestions && percent >= rules.quizPassMark };
}

/** Observation evidence: distinct days observed at this level or above, by validations not corrected. */
export function observationStatus(evidence: Evidence, competencyId: string, level: CertLevel, required: number): ObservationStatus {
  const rank = LEVELS.indexOf(level);
  const days = new Set(
    evidence.validations.filter((v) => v.competencyId === competencyId && !v.supersededAt && LEVELS.indexOf(v.level) >= rank).map((v) => v.observedOn),
  );
  return { required, observed: Math.min(days.size, required), met: days.size >= required };
}

export type CompetencyAtLevel = { competencyId: string; title: string; quiz: QuizStatus | null; observation: ObservationStatus | null; met: boolean };
/**
 * `byEvidence`: the recorded evidence validates the level; `certified`: a certificate she holds covers it.
 * `validated` is either: a held certificate is never shown as « pas encore validé ».
 */
export type BlockAtLevel = {
  level: CertLevel;
  competencies: CompetencyAtLevel[];
  competenciesMet: boolean;
  assessmentMet: boolean;
  byEvidence: boolean;
  certified: boolean;
  validated: boolean;
  missing: string[];
};
export type BlockResult = { blockId: string; number: number; title: string; levels: BlockAtLevel[]; validatedLevel: CertLevel | null; nextActions: string[] };

function competencyAt(c: CompetencyRule, level: CertLevel, evidence: Evidence, rules: CertificationRules): CompetencyAtLevel {
  const rule = c.levels[level];
  const quiz = rule.assessment === "observation" ? null : quizStatus(evidence, c.id, rules);
  const observation = rule.assessment === "quiz" ? null : observationStatus(evidence, c.id, level, rule.observations ?? 1);
  return { competencyId: c.id, title: c.title, quiz, observation, met: (quiz?.met ?? true) && (observation?.met ?? true) };
}

function missingFor(c: CompetencyAtLevel, level: CertLevel, rules: CertificationRules): string[] {
  const out: string[] = [];
  if (c.quiz && !c.quiz.met)
    out.push(
      c.quiz.answered < rules.quizMinQuestions
        ? `répondre aux questions de quiz sur « ${c.title} » (au moins ${rules.quizMinQuestions})`
        : `réussir les questions de quiz sur « ${c.title} » (${c.quiz.percent} % de bonnes réponses, ${rules.quizPassMark} % attendus)`,
    );
  if (c.observation && !c.observation.met) {
    const left = c.observation.required - c.observation.observed;
    out.push(
      `valider « ${c.title} » en situation de travail avec votre tuteur (niveau ${LEVEL_NAMES[level]}${left > 1 ? `, encore ${left} observations à des dates différentes` : ""})`,
    );
  }
  return out;
}

export function evaluateBlock(block: BlockRule, evidence: Evidence, rules: CertificationRules, certifiedLevel: CertLevel | null = null): BlockResult {
  const best = Math.max(-1, ...evidence.blockAssessments.filter((a) => a.blockId === block.id).map((a) => a.score));
  const assessmentMet = best >= rules.blockAssessmentPassMark;
  const levels: BlockAtLevel[] = [];
  let previousByEvidence = true;
  let previousValidated = true;
  for (const level of LEVELS) {
    const competencies = block.competencies.map((c) => competencyAt(c, level, evidence, rules));
    const competenciesMet = competencies.every((c) => c.met);
    // Levels are cumulative: a level is validated only if the ones below it are.
    const byEvidence: boolean = previousByEvidence && competenciesMet && assessmentMet;
    const certified = certifiedLevel !== null && LEVELS.indexOf(level) <= LEVELS.indexOf(certifiedLevel);
    const validated: boolean = certified || (previousValidated && competenciesMet && assessmentMet);
    const missing = validated ? [] : competencies.flatMap((c) => missingFor(c, level, rules));
    if (!validated && !assessmentMet) missing.push(`réussir l'évaluation du bloc ${block.number} (${rules.blockAssessmentPassMark} % attendus)`);
    levels.push({ level, competencies, competenciesMet, assessmentMet, byEvidence, certified, validated, missing });
    previousByEvidence = byEvidence;
    previousValidated = validated;
  }
  const validatedLevel = [...levels].reverse().find((l) => l.validated)?.level ?? null;
  const target = levels.find((l) => !l.validated);
  return { blockId: block.id, number: block.number, title: block.title, levels, validatedLevel, nextActions: target ? target.missing.slice(0, 3) : [] };
}

export type PathwayResult = { blocks: BlockResult[]; validated: boolean; level: CertLevel | null; summary: string };

/**
 * The pathway is validated when the three blocks are (by evidence or by a block certificate she holds);
 * its level is the lowest of the blocks' levels.
 */
export function evaluatePathway(
  blocks: BlockRule[],
  evidence: Evidence,
  rules: CertificationRules,
  certified: ReadonlyMap<string, CertLevel> = new Map(),
): PathwayResult {
  const results = blocks.map((b) => evaluateBlock(b, evidence, rules, certified.get(b.id) ?? null));
  const levels = results.map((r) => (r.validatedLevel ? LEVELS.indexOf(r.validatedLevel) : -1));
  const min = Math.min(...levels);
  const level = min >= 0 ? LEVELS[min]! : null;
  const next = results.flatMap((r) => r.nextActions.slice(0, 1));
  return {
    blocks: results,
    validated: level !== null,
    level,
    summary: level ? `Parcours validé au niveau des connaissances ${LEVEL_NAMES[level]}.` : `Il vous reste : ${next.join(" ; ")}.`,
  };
}

// --- Certificates ---

export type CertificateKey = { kind: "bloc" | "parcours" | "complement"; blockId: string; level: CertLevel };

/**
 * Certificates a result calls for: one per block and validated level (the levels below included),
 * and one per level of the pathway. Those already issued are left out.
 */
export function certificatesToIssue(result: PathwayResult, issued: CertificateKey[]): CertificateKey[] {
  const has = new Set(issued.map((c) => `${c.kind}|${c.blockId}|${c.level}`));
  const wanted: CertificateKey[] = [];
  // A block certificate comes from evidence only (holding one never issues others below it).
  for (const b of result.blocks) for (const l of b.levels) if (l.byEvidence) wanted.push({ kind: "bloc", blockId: b.blockId, level: l.level });
  if (result.level) for (const level of LEVELS.slice(0, LEVELS.indexOf(result.level) + 1)) wanted.push({ kind: "parcours", blockId: "", level });
  return wanted.filter((k) => !has.has(`${k.kind}|${k.blockId}|${k.level}`));
}

/** Validity end: the issue date plus a number of years (29 February falls back to 28). */
export function validUntilFrom(issuedOn: string, years: number): string {
  const d = new Date(`${issuedOn}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()));
  if (target.getUTCMonth() !== d.getUTCMonth()) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export const CERTIFICATE_STATUSES = {
  valide: "Valide",
  a_actualiser: "Valide, à actualiser",
  expire: "Expiré",
  revoque: "Révoqué",
  renouvele: "Renouvelé",
} as const;
export type CertificateStatus = keyof typeof CERTIFICATE_STATUSES;

export function certificateStatus(
  c: { validUntil: string; revokedAt: string | null; renewedAt?: string | null },
  today: string,
  warningDays: number,
): CertificateStatus {
  if (c.revokedAt) return "revoque";
  if (c.renewedAt) return "renouvele";
  if (c.validUntil < today) return "expire";
  const warnFrom = new Date(Date.parse(`${c.validUntil}T00:00:00Z`) - warningDays * 86_400_000).toISOString().slice(0, 10);
  return today >= warnFrom ? "a_actualiser" : "valide";
}

/** A certificate as a list shows it: its dates, its status and the status's label. */
export function certificateLine(
  c: { code: string; title: string; issuedAt: string; validUntil: string; revokedAt: string | null; renewedAt?: string | null },
  today: string,
  warningDays: number,
) {
  const status = certificateStatus(c, today, warningDays);
  return { code: c.code, title: c.title, issuedAt: c.issuedAt, validUntil: c.validUntil, status, statusLabel: CERTIFICATE_STATUSES[status] };
}

// --- Renewal (recertification) ---

/** A renewal is open once a certificate is « à actualiser », and stays open after it has expired. */
export function renewalOpen(status: CertificateStatus): boolean {
  return status === "a_actualiser" || status === "expire";
}

/** What a renewal quiz covers: the competencies that age (a validity of their own), or all of them when none does. */
export function renewalScope(competencies: { id: string; validityYears?: number }[]): string[] {
  const ageing = competencies.filter((c) => c.validityYears !== undefined);
  return (ageing.length ? ageing : competencies).map((c) => c.id);
}

/**
 * The validity end of a renewed certificate: a full period from the previous end when renewed in time
 * (renewing early loses nothing), from today when the previous one had already expired.
 */
export function renewedValidUntil(previousValidUntil: string, today: string, years: number): string {
  return validUntilFrom(previousValidUntil >= today ? previousValidUntil : today, years);
}

/** Where a learner renews a certificate: the refresher quiz of its block or of the pathway; a complement is renewed by a new attestation. */
export function renewalPath(c: { kind: string; blockId: string }): string | null {
  if (c.kind === "complement") return null;
  return `/certification/renouvellement/${c.kind === "parcours" ? "parcours" : c.blockId}`;
}

/**
 * Of a learner's certificates, those a renewal of this scope renews: the current ones (not revoked, not renewed
 * already) of the block (or complement, with kind "complement"), or of the pathway, whose renewal is open.
 */
export function certificatesToRenew<C extends { kind: string; blockId: string; validUntil: string; revokedAt: string | null; renewedAt: string | null }>(
  certificates: C[],
  scope: string,
  today: string,
  warningDays: number,
  kind: "bloc" | "complement" = "bloc",
): C[] {
  return certificates.filter(
    (c) =>
      !c.renewedAt &&
      (scope === "parcours" ? c.kind === "parcours" : c.kind === kind && c.blockId === scope) &&
      renewalOpen(certificateStatus(c, today, warningDays)),
  );
}
