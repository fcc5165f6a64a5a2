import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { moduleProgress, quizAttempts, users } from "../../db/schema";
import { getModule } from "~/content/modules.server";
import { fieldName, QUIZ_MESSAGES, type PublicQuestion } from "~/domain/quiz";
import { action as moduleAction, loader as moduleLoader } from "~/routes/modules.$slug";
import { loader as dashboardLoader } from "~/routes/_index";
import { getDb } from "~/utils/db.server";
import { answersFor } from "../helpers/right-answers";
import { request, run, signIn, unwrap } from "../helpers/requests";

const SLUG = "exemple";
const params = { slug: SLUG };

async function loadModule(cookie: string, search = "") {
  const res = await run(() => moduleLoader({ request: request(`/modules/${SLUG}${search}`, { cookie }), params, context: {} }));
  if (!res.data) throw new Error(`loader failed with ${res.response?.status}`);
  return res.data;
}

async function startQuiz(cookie: string) {
  const res = await moduleAction({ request: request(`/modules/${SLUG}`, { cookie, form: { intent: "commencer" } }), params, context: {} });
  expect((res as Response).status).toBe(302);
  const data = await loadModule(cookie);
  if (!data.openAttempt) throw new Error("no open attempt");
  return data.openAttempt;
}

const rightAnswers = (questions: PublicQuestion[], wrongIds: string[] = []) => answersFor(getModule(SLUG)!.quiz!.questions, questions, wrongIds);

async function submit(cookie: string, attemptId: string, answers: Record<string, string | string[]>) {
  return moduleAction({ request: request(`/modules/${SLUG}`, { cookie, form: { intent: "envoyer", attemptId, ...answers } }), params, context: {} });
}

describe("quiz attempts", () => {
  it("the quiz page sends no correct answer before submission", async () => {
    const cookie = await signIn("secretaire.confirmee@pivot.demo");
    await startQuiz(cookie);
    const data = await loadModule(cookie);
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/"correct"\s*:\s*true/);
    expect(json).not.toContain("explanation");
    expect(json).not.toContain("accepted");
    expect(json).not.toContain("La carte Vitale n'est pas un document d'identité");
  });

  it("grades a submission, stores the attempt with its score, and updates progress", async () => {
    const cookie = await signIn("nouvelle.recrue@pivot.demo");
    const attempt = await startQuiz(cookie);
    const wrong = [attempt.questions[0]!.id, attempt.questions[1]!.id];
    const res = await submit(cookie, attempt.id, rightAnswers(attempt.questions, wrong));
    expect((res as Response).status).toBe(302);
    expect((res as Response).headers.get("Location")).toBe(`/modules/${SLUG}?tentative=${attempt.id}#resultat`);

    const row = await getDb().query.quizAttempts.findFirst({ where: eq(quizAttempts.id, attempt.id) });
    const total = attempt.questions.length;
    expect(row).toMatchObject({ total, correctCount: total - 2, score: Math.round(((total - 2) / total) * 100), passed: false });
    expect(row?.submittedAt).toBeTruthy();
    expect(Object.keys(row?.answers as object)).toHaveLength(total);
    expect(row?.shown).toEqual(attempt.questions); // the exact questions shown are kept

    const page = await loadModule(cookie, `?tentative=${attempt.id}`);
    expect(
      page.result?.questions
        .filter((q) => !q.correct)
        .map((q) => q.id)
        .sort(),
    ).toEqual([...wrong].sort());
    expect(page.result?.questions.every((q) => q.explanation.length > 0)).toBe(true);

    // A retake draws a new attempt; a full pass completes the module.
    const retake = await startQuiz(cookie);
    expect(retake.id).not.toBe(attempt.id);
    await submit(cookie, retake.id, rightAnswers(retake.questions));
    const user = await getDb().query.users.findFirst({ where: eq(users.email, "nouvelle.recrue@pivot.demo") });
    const progress = await getDb().query.moduleProgress.findFirst({ where: and(eq(moduleProgress.userId, user!.id), eq(moduleProgress.moduleId, SLUG)) });
    expect(progress).toMatchObject({ status: "termine", bestScore: 100, attemptsCount: 2 });

    const dashboard = await run(() => dashboardLoader({ request: request("/", { cookie }), params: {}, context: {} }));
    const card = dashboard.data!.blocks.flatMap((b) => b.modules).find((m) => m.id === SLUG);
    expect(card).toMatchObject({ state: "termine", bestScore: 100 });
  });

  it("refuses an incomplete submission with French messages, keeps the answers, and changes nothing", async () => {
    const cookie = await signIn("tuteur@pivot.demo");
    const attempt = await startQuiz(cookie);
    const answers = rightAnswers(attempt.questions);
    const missing = attempt.questions.find((q) => q.type === "single" || q.type === "truefalse" || q.type === "numeric" || q.type === "text")!;
    delete answers[fieldName(missing.id)];
    const res = unwrap(await submit(cookie, attempt.id, answers));
    expect(res.status).toBe(400);
    const body = res.data as { fieldErrors: Record<string, string>; values: Record<string, unknown> };
    expect(body.fieldErrors[fieldName(missing.id)]).toBe("Répondez à cette question.");
    expect(Object.keys(body.values).length).toBe(Object.keys(answers).length);
    const row = await getDb().query.quizAttempts.findFirst({ where: eq(quizAttempts.id, attempt.id) });
    expect(row?.submittedAt).toBeNull();
  });

  it("refuses forged submissions: unknown values, questions outside the draw, duplicates", async () => {
    const cookie = await signIn("cadre@pivot.demo");
    const attempt = await startQuiz(cookie);
    const answers = rightAnswers(attempt.questions);
    const choice = attempt.questions.find((q) => q.choices)!; // single, multiple or true/false: always drawn here

    const unknownValue = unwrap(await submit(cookie, attempt.id, { ...answers, [fieldName(choice.id)]: "42" }));
    expect(unknownValue.status).toBe(400);
    expect((unknownValue.data as { formError: string }).formError).toMatch(/ne correspond à aucune proposition/);

    const outside = unwrap(await submit(cookie, attempt.id, { ...answers, [fieldName("question-inventee")]: "0" }));
    expect(outside.status).toBe(400);
    expect((outside.data as { formError: string }).formError).toMatch(/ne fait pas partie de ce quiz/);

    expect(((await submit(cookie, attempt.id, answers)) as Response).status).toBe(302);
    const duplicate = unwrap(await submit(cookie, attempt.id, answers));
    expect(duplicate.status).toBe(409);
    expect((duplicate.data as { formError: string }).formError).toMatch(/déjà été envoyée/);
    const rows = await getDb().select().from(quizAttempts).where(eq(quizAttempts.id, attempt.id));
    expect(rows).toHaveLength(1);
  });

  it("a learner cannot read or submit another learner's attempt", async () => {
    const owner = await signIn("admin@pivot.demo");
    const attempt = await startQuiz(owner);
    await submit(owner, attempt.id, rightAnswers(attempt.questions));

    const other = await signIn("nouvelle.recrue@pivot.demo");
    const read = await run(() => moduleLoader({ request: request(`/modules/${SLUG}?tentative=${attempt.id}`, { cookie: other }), params, context: {} }));
    expect(read.response?.status).toBe(404);

    const otherOpen = await startQuiz(owner);
    const stolen = unwrap(await submit(other, otherOpen.id, rightAnswers(otherOpen.questions)));
    expect(stolen.status).toBe(404);
    const row = await getDb().query.quizAttempts.findFirst({ where: eq(quizAttempts.id, otherOpen.id) });
    expect(row?.submittedAt).toBeNull();
  });

  it("each attempt draws drawCount distinct questions from the bank, and retakes draw anew", async () => {
    const cookie = await signIn("secretaire.confirmee@pivot.demo");
    const bank = getModule(SLUG)!.quiz!;
    const draws: string[] = [];
    for (let i = 0; i < 4; i++) {
      const attempt = await startQuiz(cookie);
      const ids = attempt.questions.map((q) => q.id);
      expect(ids).toHaveLength(bank.drawCount);
      expect(new Set(ids).size).toBe(bank.drawCount);
      expect(ids.every((id) => bank.questions.some((q) => q.id === id))).toBe(true);
      draws.push(JSON.stringify(attempt.questions));
      await submit(cookie, attempt.id, rightAnswers(attempt.questions));
    }
    expect(new Set(draws).size).toBeGreaterThan(1);
  });

  it("says a duplicate position is a duplicate, not a missing answer, and two empty positions are missing ones", async () => {
    const cookie = await signIn("tuteur@pivot.demo");
    // Seven questions are drawn out of twelve: draw again until the ordering question is in.
    let attempt = await startQuiz(cookie);
    for (let i = 0; i < 30 && !attempt.questions.some((q) => q.type === "ordering"); i++) {
      await submit(cookie, attempt.id, rightAnswers(attempt.questions));
      attempt = await startQuiz(cookie);
    }
    const ordering = attempt.questions.find((q) => q.type === "ordering")!;
    expect(ordering).toBeDefined();
    const [a, b, c] = ordering.left!.map((row) => fieldName(ordering.id, row.key));
    const answers = rightAnswers(attempt.questions);

    const duplicate = unwrap(await submit(cookie, attempt.id, { ...answers, [b!]: answers[a!]! }));
    expect(duplicate.status).toBe(400);
    const body = duplicate.data as { formError: string; fieldErrors: Record<string, string> };
    expect(body.formError).toMatch(/^Deux éléments ont la même position/);
    expect(body.formError).not.toMatch(/pas de réponse|sans réponse/);
    expect(body.fieldErrors).toEqual({ [fieldName(ordering.id)]: QUIZ_MESSAGES.duplicatePosition });

    const missing = attempt.questions.find((q) => q.id !== ordering.id && !q.left)!;
    const both = { ...answers, [b!]: answers[a!]! };
    delete both[fieldName(missing.id)];
    const twice = unwrap(await submit(cookie, attempt.id, both)).data as { formError: string };
    expect(twice.formError).toContain("Certaines questions n'ont pas de réponse.");
    expect(twice.formError).toContain("Deux éléments ont la même position");

    const empty = unwrap(await submit(cookie, attempt.id, { ...answers, [b!]: "", [c!]: "" })).data as {
      formError: string;
      fieldErrors: Record<string, string>;
    };
    expect(empty.formError).toBe("Certaines questions n'ont pas de réponse.");
    expect(empty.fieldErrors).toEqual({ [b!]: "Choisissez une position.", [c!]: "Choisissez une position." });

    const row = await getDb().query.quizAttempts.findFirst({ where: eq(quizAttempts.id, attempt.id) });
    expect(row?.submittedAt).toBeNull();
    // Grading is untouched: the same answers without the duplicate pass.
    expect(((await submit(cookie, attempt.id, answers)) as Response).status).toBe(302);
  });

  it("an unknown module answers 404", async () => {
    const cookie = await signIn("nouvelle.recrue@pivot.demo");
    const res = await run(() => moduleLoader({ request: request("/modules/inconnu", { cookie }), params: { slug: "inconnu" }, context: {} }));
    expect(res.response?.status).toBe(404);
  });
});
