// A learner's review cards: which ones exist, which are due, and grading them.
import { and, asc, count, eq, gte, isNotNull, lte } from "drizzle-orm";
import { quizAttempts, reviewCards, services, users } from "../../db/schema";
import { getGlossaryEntry, listGlossary, listModules } from "~/content/modules.server";
import { DAILY, grade, newCard, newCardsLeft, type StoredCard } from "~/domain/review";
import { describeExpected } from "~/domain/quiz";
import { getDb } from "~/utils/db.server";
import { parisDay, startOfParisDay } from "~/utils/dates";
import type { Grade } from "ts-fsrs";

function questionIndex() {
  return new Map(listModules().flatMap((m) => (m.quiz?.questions ?? []).map((q) => [q.id, { question: q, module: m.frontmatter.title }] as const)));
}

/** Cards a learner should have: questions she last got wrong first, then the terms of her specialty. */
async function candidates(userId: string): Promise<string[]> {
  const db = getDb();
  const [person] = await db
    .select({ specialty: services.specialty })
    .from(users)
    .leftJoin(services, eq(services.id, users.serviceId))
    .where(eq(users.id, userId));
  const attempts = await db
    .select({ results: quizAttempts.results, submittedAt: quizAttempts.submittedAt })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), isNotNull(quizAttempts.submittedAt)))
    .orderBy(asc(quizAttempts.submittedAt));
  const last = new Map<string, boolean>();
  for (const a of attempts) for (const r of (a.results ?? []) as { id: string; correct: boolean }[]) last.set(r.id, r.correct);
  const known = questionIndex();
  const wrong = [...last].filter(([id, correct]) => !correct && known.has(id)).map(([id]) => `question:${id}`);
  const specialty = person?.specialty ?? null;
  const terms = listGlossary()
    .filter((e) => (specialty ? e.specialties.includes(specialty as never) : e.category === "administratif"))
    .map((e) => `terme:${e.id}`);
  return [...wrong, ...terms];
}

/**
 * Today's new cards: cards she should have and has not met yet, within what is left of the day's limit
 * (cards met since midnight in Paris count). Nothing is written here: a new card is stored when she grades
 * it for the first time, so opening a page never writes.
 */
async function newCardsToday(userId: string, now: Date): Promise<string[]> {
  const db = getDb();
  const [{ n: metToday } = { n: 0 }] = await db
    .select({ n: count() })
    .from(reviewCards)
    .where(and(eq(reviewCards.userId, userId), gte(reviewCards.createdAt, startOfParisDay(parisDay(now)))));
  const left = newCardsLeft(metToday);
  if (left === 0) return [];
  const existing = new Set((await db.select({ key: reviewCards.cardKey }).from(reviewCards).where(eq(reviewCards.userId, userId))).map((r) => r.key));
  return (await candidates(userId)).filter((k) => !existing.has(k)).slice(0, left);
}

/** The cards of today's session: those due first, then today's new ones. */
export async function dueCards(userId: string, now = new Date()): Promise<{ cardKey: string; reps: number }[]> {
  const due = await getDb()
    .select({ cardKey: reviewCards.cardKey, reps: reviewCards.reps })
    .from(reviewCards)
    .where(and(eq(reviewCards.userId, userId), lte(reviewCards.due, now.toISOString())))
    .orderBy(asc(reviewCards.due))
    .limit(DAILY.sessionCards);
  if (due.length >= DAILY.sessionCards) return due;
  const fresh = await newCardsToday(userId, now);
  return [...due, ...fresh.map((cardKey) => ({ cardKey, reps: 0 }))].slice(0, DAILY.sessionCards);
}

export async function dueCount(userId: string, now = new Date()) {
  return (await dueCards(userId, now)).length;
}

/** Grades one of her cards (a new one is stored now); returns the new due date, or null if the card is not hers. */
export async function gradeCard({ userId, cardKey, grade: value, now = new Date() }: { userId: string; cardKey: string; grade: Grade; now?: Date }) {
  // Today's new cards are worked out before the transaction (it reads her quiz history and the glossary);
  // the card itself is read and written inside it, so two grades at once never lose one.
  const fresh = new Set(await newCardsToday(userId, now));
  return getDb().transaction(async (tx) => {
    const row = await tx.query.reviewCards.findFirst({ where: and(eq(reviewCards.userId, userId), eq(reviewCards.cardKey, cardKey)) });
    if (!row) {
      if (!fresh.has(cardKey)) return null;
      const next = grade(newCard(now), value, now);
      await tx.insert(reviewCards).values({
        userId,
        cardKey,
        fsrs: next,
        due: next.due,
        reps: next.reps,
        lapses: next.lapses,
        lastReviewedAt: now.toISOString(),
        createdAt: now.toISOString(),
      });
      return next.due;
    }
    const next = grade(row.fsrs as StoredCard, value, now);
    await tx
      .update(reviewCards)
      .set({ fsrs: next, due: next.due, reps: next.reps, lapses: next.lapses, lastReviewedAt: now.toISOString() })
      .where(and(eq(reviewCards.userId, userId), eq(reviewCards.cardKey, cardKey)));
    return next.due;
  });
}

/** The visible side of a card (never the answer). */
export function cardFront(cardKey: string) {
  const [kind, id] = [cardKey.slice(0, cardKey.indexOf(":")), cardKey.slice(cardKey.indexOf(":") + 1)];
  if (kind === "terme") {
    const e = getGlossaryEntry(id);
    return e ? { kind: "terme" as const, title: e.term, prompt: "Que signifie ce terme ?", context: null } : null;
  }
  const q = questionIndex().get(id);
  return q ? { kind: "question" as const, title: q.module, prompt: q.question.prompt, context: q.question.case ?? null } : null;
}

/** The answer side, sent only when the learner asks to see it. */
export function cardBack(cardKey: string) {
  const [kind, id] = [cardKey.slice(0, cardKey.indexOf(":")), cardKey.slice(cardKey.indexOf(":") + 1)];
  if (kind === "terme") {
    const e = getGlossaryEntry(id);
    return e ? { answer: e.expansion ? `${e.expansion}. ${e.definition}` : e.definition, explanation: e.example ?? null } : null;
  }
  const q = questionIndex().get(id);
  return q ? { answer: describeExpected(q.question), explanation: q.question.explanation } : null;
}
