// Module progress and quiz attempts, always scoped by the learner who owns them.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import crypto from "node:crypto";
import type { Tx } from "../../db/client";
import { moduleProgress, quizAttempts } from "../../db/schema";
import type { CompiledModule } from "~/content/build.server";
import { sectionToReread } from "~/content/modules.server";
import type { Question } from "~/content/module-schema";
import { bestOf, nextStatus, type ProgressEvent, type ProgressRow } from "~/domain/progress";
import {
  describeExpected,
  describeGiven,
  drawQuiz,
  fieldName,
  gradeAttempt,
  QUIZ_MESSAGES,
  submissionErrorSummary,
  toAnswer,
  toPublicQuestion,
  type Answer,
  type DrawnQuestion,
  type Grade,
  type PublicQuestion,
  type QuestionResult,
} from "~/domain/quiz";
import { submissionSchema } from "~/domain/quiz-submission";
import { getDb, prepared } from "~/utils/db.server";

const PROGRESS_COLUMNS = {
  moduleId: moduleProgress.moduleId,
  status: moduleProgress.status,
  bestScore: moduleProgress.bestScore,
  attemptsCount: moduleProgress.attemptsCount,
};

export async function listProgress(userId: string): Promise<ProgressRow[]> {
  return getDb().select(PROGRESS_COLUMNS).from(moduleProgress).where(eq(moduleProgress.userId, userId));
}

export async function getProgress({ userId, moduleId }: { userId: string; moduleId: string }): Promise<ProgressRow | undefined> {
  const rows = await progressQuery().all({ userId, moduleId });
  return rows[0];
}
const progressQuery = prepared((db) =>
  db
    .select(PROGRESS_COLUMNS)
    .from(moduleProgress)
    .where(and(eq(moduleProgress.userId, sql.placeholder("userId")), eq(moduleProgress.moduleId, sql.placeholder("moduleId"))))
    .prepare(),
);

/** Reads her row, then writes it: only inside a transaction, so that no other write slips in between. */
async function recordEvent(tx: Tx, userId: string, module: CompiledModule, event: ProgressEvent, score?: number) {
  const now = new Date().toISOString();
  const [current] = await tx
    .select()
    .from(moduleProgress)
    .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, module.frontmatter.id)));
  const status = nextStatus(current?.status, event);
  const values = {
    status,
    // The version she completed: it changes only when she passes the quiz, when a positioning test marks it
    // acquired (or on her first visit), so that a module updated since keeps showing « mise à jour » until
    // she passes it again or its update quiz.
    ...(event === "quiz_passed" || !current || (event === "positioned" && status !== current.status) ? { moduleVersion: module.frontmatter.version } : {}),
    updatedAt: now,
    ...(event === "read" && !current?.readAt ? { readAt: now } : {}),
    ...(status === "termine" && !current?.completedAt ? { completedAt: now } : {}),
    ...(score !== undefined ? { bestScore: bestOf(current?.bestScore, score), attemptsCount: (current?.attemptsCount ?? 0) + 1 } : {}),
  };
  if (current) {
    await tx
      .update(moduleProgress)
      .set(values)
      .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, module.frontmatter.id)));
  } else {
    await tx.insert(moduleProgress).values({ userId, moduleId: module.frontmatter.id, startedAt: now, ...values, moduleVersion: module.frontmatter.version });
  }
}

/** Block assessments, positioning tests, update and renewal quizzes are not modules: they leave module progress alone. */
const tracksProgress = (module: CompiledModule) => !module.kind;

/**
 * Modules a positioning test showed as mastered become « acquis » (a completed module stays completed). Pass
 * the transaction's `tx` to make it part of a larger change (the positioning recorded).
 */
export async function markAcquired({ userId, modules, tx }: { userId: string; modules: CompiledModule[]; tx?: Tx }): Promise<void> {
  if (modules.length === 0) return;
  if (!tx) return getDb().transaction((own) => markAcquired({ userId, modules, tx: own }));
  for (const module of modules) await recordEvent(tx, userId, module, "positioned");
}

/** After a passed update quiz: the module counts as completed in its current version again. */
export async function markUpdated({ userId, module }: { userId: string; module: CompiledModule }) {
  await getDb()
    .update(moduleProgress)
    .set({ moduleVersion: module.frontmatter.version, updatedAt: new Date().toISOString() })
    .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, module.frontmatter.id)));
}

/** The first visit, recorded once: the check and the write share the caller's transaction. */
async function recordOpened(tx: Tx, userId: string, module: CompiledModule) {
  if (!tracksProgress(module)) return;
  const [existing] = await tx
    .select({ status: moduleProgress.status })
    .from(moduleProgress)
    .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, module.frontmatter.id)));
  if (!existing) await recordEvent(tx, userId, module, "open");
}

export async function markOpened({ userId, module }: { userId: string; module: CompiledModule }) {
  if (!tracksProgress(module)) return;
  await getDb().transaction((tx) => recordOpened(tx, userId, module));
}

export async function markRead({ userId, module }: { userId: string; module: CompiledModule }) {
  await getDb().transaction((tx) => recordEvent(tx, userId, module, "read"));
}

export type OpenAttempt = { id: string; questions: PublicQuestion[]; passMark: number; startedAt: string };

function publicQuestions(module: CompiledModule, drawn: DrawnQuestion[]): PublicQuestion[] {
  const byId = new Map((module.quiz?.questions ?? []).map((q) => [q.id, q]));
  return drawn.flatMap((d) => {
    const q = byId.get(d.id);
    return q ? [toPublicQuestion(q, d)] : [];
  });
}

async function findOpenAttempt(db: Tx | ReturnType<typeof getDb>, userId: string, module: CompiledModule): Promise<OpenAttempt | null> {
  const row = await db.query.quizAttempts.findFirst({
    where: and(eq(quizAttempts.userId, userId), eq(quizAttempts.moduleId, module.frontmatter.id), isNull(quizAttempts.submittedAt)),
    orderBy: desc(quizAttempts.startedAt),
  });
  if (!row || row.moduleVersion !== module.frontmatter.version) return null;
  return { id: row.id, questions: publicQuestions(module, row.questions as DrawnQuestion[]), passMark: row.passMark, startedAt: row.startedAt };
}

/** The learner's open (not yet submitted) attempt for this module, if any. */
export async function getOpenAttempt({ userId, module }: { userId: string; module: CompiledModule }): Promise<OpenAttempt | null> {
  return findOpenAttempt(getDb(), userId, module);
}

/**
 * Draws a new set, unless an open attempt already exists (then it is reused). The look-up and the insert
 * share one transaction, so two starts at once (a double click, two tabs) leave one open attempt.
 */
export async function startAttempt({ userId, module }: { userId: string; module: CompiledModule }): Promise<string> {
  return getDb().transaction(async (tx) => {
    const open = await findOpenAttempt(tx, userId, module);
    if (open) return open.id;
    if (!module.quiz) throw new Error(`Module ${module.frontmatter.id} has no quiz`);
    const drawn = drawQuiz(module.quiz);
    const id = crypto.randomUUID();
    await tx.insert(quizAttempts).values({
      id,
      userId,
      moduleId: module.frontmatter.id,
      moduleVersion: module.frontmatter.version,
      questions: drawn,
      shown: publicQuestions(module, drawn),
      total: drawn.length,
      passMark: module.quiz.passMark,
    });
    await recordOpened(tx, userId, module);
    return id;
  });
}

export type SubmitResult =
  { ok: true; attemptId: string; grade: Grade } | { ok: false; status: 400 | 404 | 409; formError?: string; fieldErrors?: Record<string, string> };

/**
 * Grades a submission. Refused without any change: an attempt that is not the learner's own, one
 * already submitted (a duplicate), answers to questions not in the draw, or values never presented.
 */
export async function submitAttempt(input: {
  userId: string;
  module: CompiledModule;
  attemptId: string;
  values: Record<string, unknown>;
}): Promise<SubmitResult> {
  const { userId, module, attemptId, values } = input;
  const db = getDb();
  const row = await db.query.quizAttempts.findFirst({
    where: and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId), eq(quizAttempts.moduleId, module.frontmatter.id)),
  });
  if (!row) return { ok: false, status: 404, formError: "Cette tentative de quiz est introuvable. Relancez le quiz." };
  if (row.submittedAt) return { ok: false, status: 409, formError: "Cette tentative a déjà été envoyée : elle ne peut pas l'être deux fois." };
  if (row.moduleVersion !== module.frontmatter.version)
    return { ok: false, status: 409, formError: "Le module a été mis à jour depuis le début de ce quiz. Relancez le quiz." };

  const drawn = row.questions as DrawnQuestion[];
  const questions = publicQuestions(module, drawn);
  const expectedFields = new Set<string>();
  for (const q of questions) {
    expectedFields.add(fieldName(q.id));
    for (const row of q.left ?? []) expectedFields.add(fieldName(q.id, row.key));
  }
  const unknown = Object.keys(values).filter((k) => k.startsWith("q__") && !expectedFields.has(k));
  if (unknown.length) return { ok: false, status: 400, formError: "Réponse refusée : elle porte sur une question qui ne fait pas partie de ce quiz." };

  const parsed = submissionSchema(questions).safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      fieldErrors[key] ??= issue.message;
    }
    const forged = parsed.error.issues.some((i) => i.message === QUIZ_MESSAGES.unknown);
    return {
      ok: false,
      status: 400,
      formError: forged ? QUIZ_MESSAGES.forged : (submissionErrorSummary(questions, fieldErrors, "server")?.message ?? QUIZ_MESSAGES.missingServer),
      fieldErrors,
    };
  }

  const byId = new Map((module.quiz?.questions ?? []).map((q) => [q.id, q] as const));
  const drawnQuestions = drawn.map((d) => byId.get(d.id)).filter((q): q is Question => Boolean(q));
  const answers: Record<string, Answer> = {};
  for (const d of drawn) {
    const q = byId.get(d.id);
    if (q) answers[q.id] = toAnswer(q, d, parsed.data);
  }
  const grade = gradeAttempt(drawnQuestions, answers, row.passMark);
  const now = new Date();

  const stored = await db.transaction(async (tx) => {
    // The `submitted_at IS NULL` condition makes a concurrent duplicate a no-op.
    const updated = await tx
      .update(quizAttempts)
      .set({
        answers,
        results: grade.results,
        score: grade.score,
        correctCount: grade.correctCount,
        passed: grade.passed,
        submittedAt: now.toISOString(),
        durationSeconds: Math.max(0, Math.round((now.getTime() - Date.parse(row.startedAt)) / 1000)),
      })
      .where(and(eq(quizAttempts.id, attemptId), isNull(quizAttempts.submittedAt)))
      .returning({ id: quizAttempts.id });
    if (updated.length === 0) return false;
    if (tracksProgress(module)) await recordEvent(tx, userId, module, grade.passed ? "quiz_passed" : "quiz_failed", grade.score);
    return true;
  });
  if (!stored) return { ok: false, status: 409, formError: "Cette tentative a déjà été envoyée : elle ne peut pas l'être deux fois." };
  return { ok: true, attemptId, grade };
}

export type AttemptView = {
  id: string;
  moduleId: string;
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  submittedAt: string;
  durationSeconds: number | null;
  drawn: DrawnQuestion[];
  answers: Record<string, Answer>;
  results: QuestionResult[];
};

/** A submitted attempt, only for its owner. */
export async function getSubmittedAttempt({ userId, attemptId }: { userId: string; attemptId: string }): Promise<AttemptView | null> {
  const row = await getDb().query.quizAttempts.findFirst({ where: and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId)) });
  if (!row || !row.submittedAt) return null;
  return {
    id: row.id,
    moduleId: row.moduleId,
    score: row.score ?? 0,
    passed: Boolean(row.passed),
    correctCount: row.correctCount ?? 0,
    total: row.total,
    submittedAt: row.submittedAt,
    durationSeconds: row.durationSeconds,
    drawn: row.questions as DrawnQuestion[],
    answers: (row.answers ?? {}) as Record<string, Answer>,
    results: (row.results ?? []) as QuestionResult[],
  };
}

export async function listAttempts({ userId, moduleId }: { userId: string; moduleId: string }) {
  return attemptsQuery().all({ userId, moduleId });
}
const attemptsQuery = prepared((db) =>
  db
    .select({
      id: quizAttempts.id,
      score: quizAttempts.score,
      passed: quizAttempts.passed,
      submittedAt: quizAttempts.submittedAt,
      durationSeconds: quizAttempts.durationSeconds,
      total: quizAttempts.total,
      correctCount: quizAttempts.correctCount,
    })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.userId, sql.placeholder("userId")),
        eq(quizAttempts.moduleId, sql.placeholder("moduleId")),
        sql`${quizAttempts.submittedAt} is not null`,
      ),
    )
    .orderBy(desc(quizAttempts.submittedAt))
    .prepare(),
);

/** Progress rows of several learners at once (one query, for tutor and team views). */
export async function listProgressOf(userIds: string[]) {
  if (userIds.length === 0) return [];
  return getDb()
    .select({
      userId: moduleProgress.userId,
      moduleId: moduleProgress.moduleId,
      status: moduleProgress.status,
      bestScore: moduleProgress.bestScore,
      attemptsCount: moduleProgress.attemptsCount,
      updatedAt: moduleProgress.updatedAt,
    })
    .from(moduleProgress)
    .where(inArray(moduleProgress.userId, userIds));
}

/** What a submitted attempt shows: each drawn question with the answer given, the expected one and why. */
export function attemptResult(module: CompiledModule, shown: AttemptView) {
  const byId = new Map((module.quiz?.questions ?? []).map((q) => [q.id, q]));
  return {
    id: shown.id,
    score: shown.score,
    passed: shown.passed,
    correctCount: shown.correctCount,
    total: shown.total,
    questions: shown.drawn.flatMap((d) => {
      const q = byId.get(d.id);
      if (!q) return [];
      const correct = shown.results.some((r) => r.id === q.id && r.correct);
      const reread = correct ? null : sectionToReread(q.id);
      return [
        {
          id: q.id,
          case: q.case ?? null,
          prompt: q.prompt,
          correct,
          given: describeGiven(q, shown.answers[q.id]),
          expected: describeExpected(q),
          explanation: q.explanation,
          // On the module's own page the section is a jump down the page, so the result stays on screen.
          reread: reread
            ? {
                href: reread.moduleId === module.frontmatter.id ? `#${reread.slug}` : `/modules/${reread.moduleId}#${reread.slug}`,
                title: reread.title,
                moduleTitle: reread.moduleId === module.frontmatter.id ? null : reread.moduleTitle,
              }
            : null,
        },
      ];
    }),
  };
}
