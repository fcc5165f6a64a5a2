import { describe, expect, it } from "vitest";
import type { Question, Quiz } from "~/content/module-schema";
import {
  describeExpected,
  drawQuiz,
  fieldName,
  gradeAttempt,
  isCorrect,
  normalizeText,
  parseFrenchNumber,
  QUIZ_MESSAGES,
  submissionErrorSummary,
  toAnswer,
  toPublicQuestion,
  type Answer,
} from "~/domain/quiz";
import { submissionSchema } from "~/domain/quiz-submission";

const single: Question = {
  id: "s",
  type: "single",
  competency: "c",
  prompt: "P",
  explanation: "E",
  options: [
    { id: "a", text: "A", correct: true },
    { id: "b", text: "B" },
    { id: "c", text: "C" },
  ],
};
const multiple: Question = {
  id: "m",
  type: "multiple",
  competency: "c",
  prompt: "P",
  explanation: "E",
  options: [
    { id: "a", text: "A", correct: true },
    { id: "b", text: "B", correct: true },
    { id: "c", text: "C" },
  ],
};
const truefalse: Question = { id: "t", type: "truefalse", competency: "c", prompt: "P", explanation: "E", answer: false };
const matching: Question = {
  id: "p",
  type: "matching",
  competency: "c",
  prompt: "P",
  explanation: "E",
  pairs: [
    { id: "x", left: "1", right: "un" },
    { id: "y", left: "2", right: "deux" },
    { id: "z", left: "3", right: "trois" },
  ],
};
const ordering: Question = {
  id: "o",
  type: "ordering",
  competency: "c",
  prompt: "P",
  explanation: "E",
  items: [
    { id: "i1", text: "d'abord" },
    { id: "i2", text: "ensuite" },
    { id: "i3", text: "enfin" },
  ],
};
const numeric: Question = { id: "n", type: "numeric", competency: "c", prompt: "P", explanation: "E", answer: 2.5, tolerance: 0.1, unit: "h" };
const text: Question = { id: "x", type: "text", competency: "c", prompt: "P", explanation: "E", accepted: ["Identifiant national de santé", "INS"] };

describe("isCorrect, per question type", () => {
  it.each<[string, Question, Answer, boolean]>([
    ["single: right option", single, { type: "single", optionId: "a" }, true],
    ["single: wrong option", single, { type: "single", optionId: "b" }, false],
    ["single: unknown option id", single, { type: "single", optionId: "zz" }, false],
    ["multiple: exactly the right options", multiple, { type: "multiple", optionIds: ["b", "a"] }, true],
    ["multiple: only part of the right options", multiple, { type: "multiple", optionIds: ["a"] }, false],
    ["multiple: right options plus a wrong one", multiple, { type: "multiple", optionIds: ["a", "b", "c"] }, false],
    ["multiple: an unknown option id", multiple, { type: "multiple", optionIds: ["a", "zz"] }, false],
    ["truefalse: right", truefalse, { type: "truefalse", value: false }, true],
    ["truefalse: wrong", truefalse, { type: "truefalse", value: true }, false],
    ["matching: all pairs right", matching, { type: "matching", pairs: { x: "x", y: "y", z: "z" } }, true],
    ["matching: two pairs swapped", matching, { type: "matching", pairs: { x: "y", y: "x", z: "z" } }, false],
    ["matching: a pair missing", matching, { type: "matching", pairs: { x: "x", y: "y" } }, false],
    ["ordering: right order", ordering, { type: "ordering", itemIds: ["i1", "i2", "i3"] }, true],
    ["ordering: wrong order", ordering, { type: "ordering", itemIds: ["i2", "i1", "i3"] }, false],
    ["ordering: an item missing", ordering, { type: "ordering", itemIds: ["i1", "i2"] }, false],
    ["numeric: exact", numeric, { type: "numeric", value: 2.5 }, true],
    ["numeric: within tolerance", numeric, { type: "numeric", value: 2.58 }, true],
    ["numeric: outside tolerance", numeric, { type: "numeric", value: 2.7 }, false],
    ["numeric: not a number", numeric, { type: "numeric", value: Number.NaN }, false],
    ["text: case, accents and spaces ignored", text, { type: "text", value: "  identifiant NATIONAL de sante " }, true],
    ["text: another accepted answer", text, { type: "text", value: "ins" }, true],
    ["text: wrong", text, { type: "text", value: "NIR" }, false],
    ["an answer of another type", single, { type: "truefalse", value: true }, false],
  ])("%s", (_label, question, answer, expected) => {
    expect(isCorrect(question, answer)).toBe(expected);
  });
});

describe("gradeAttempt", () => {
  const questions = [single, multiple, truefalse, matching, ordering, numeric, text];
  it("scores all right as 100 % and passed", () => {
    const grade = gradeAttempt(
      questions,
      {
        s: { type: "single", optionId: "a" },
        m: { type: "multiple", optionIds: ["a", "b"] },
        t: { type: "truefalse", value: false },
        p: { type: "matching", pairs: { x: "x", y: "y", z: "z" } },
        o: { type: "ordering", itemIds: ["i1", "i2", "i3"] },
        n: { type: "numeric", value: 2.5 },
        x: { type: "text", value: "INS" },
      },
      80,
    );
    expect(grade).toMatchObject({ correctCount: 7, total: 7, score: 100, passed: true });
  });

  it("counts unanswered questions as wrong (partial submission) and rounds the score", () => {
    const grade = gradeAttempt(questions, { s: { type: "single", optionId: "a" }, t: { type: "truefalse", value: false } }, 80);
    expect(grade).toMatchObject({ correctCount: 2, total: 7, score: 29, passed: false });
    expect(grade.results.filter((r) => r.correct).map((r) => r.id)).toEqual(["s", "t"]);
  });

  it("passes exactly at the pass mark, not below", () => {
    const five = [single, single, single, single, single].map((q, i) => ({ ...q, id: `s${i}` }));
    const answers = (n: number) => Object.fromEntries(five.slice(0, n).map((q) => [q.id, { type: "single", optionId: "a" } as Answer]));
    expect(gradeAttempt(five, answers(4), 80)).toMatchObject({ score: 80, passed: true });
    expect(gradeAttempt(five, answers(3), 80)).toMatchObject({ score: 60, passed: false });
  });
});

describe("drawing and presenting", () => {
  const quiz: Quiz = { passMark: 80, drawCount: 4, questions: [single, multiple, truefalse, matching, ordering, numeric, text] };
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

  it("draws drawCount distinct questions from the bank", () => {
    const drawn = drawQuiz(quiz, random);
    expect(drawn).toHaveLength(4);
    expect(new Set(drawn.map((d) => d.id)).size).toBe(4);
  });

  it("never presents an ordering question in its correct order, nor matching columns aligned", () => {
    for (let i = 0; i < 50; i++) {
      const drawn = drawQuiz({ ...quiz, drawCount: 7 }, random);
      expect(drawn.find((d) => d.id === "o")!.order).not.toEqual(["i1", "i2", "i3"]);
      const m = drawn.find((d) => d.id === "p")!;
      expect(m.rightOrder).not.toEqual(m.order);
    }
  });

  it("presents options by position only: no option id, no correctness flag", () => {
    const pq = toPublicQuestion(single, { id: "s", order: ["c", "a", "b"] });
    expect(pq.choices).toEqual([
      { value: "0", text: "C" },
      { value: "1", text: "A" },
      { value: "2", text: "B" },
    ]);
    const json = JSON.stringify([pq, toPublicQuestion(text, { id: "x" }), toPublicQuestion(numeric, { id: "n" }), toPublicQuestion(truefalse, { id: "t" })]);
    expect(json).not.toMatch(/correct|accepted|answer|explanation|INS|2\.5/);
  });

  it("maps a submitted form back to content ids through the stored draw", () => {
    const dm = { id: "p", order: ["z", "x", "y"], rightOrder: ["y", "z", "x"] };
    const pq = toPublicQuestion(matching, dm);
    // left row 0 is pair z ("3"); the right option for "trois" is at position 1
    const values = { [fieldName("p", "0")]: "1", [fieldName("p", "1")]: "2", [fieldName("p", "2")]: "0" };
    expect(pq.left!.map((l) => l.text)).toEqual(["3", "1", "2"]);
    expect(toAnswer(matching, dm, values)).toEqual({ type: "matching", pairs: { z: "z", x: "x", y: "y" } });

    const dord = { id: "o", order: ["i3", "i1", "i2"] };
    const ord = toAnswer(ordering, dord, { [fieldName("o", "0")]: "3", [fieldName("o", "1")]: "1", [fieldName("o", "2")]: "2" });
    expect(ord).toEqual({ type: "ordering", itemIds: ["i1", "i2", "i3"] });
    expect(isCorrect(ordering, ord)).toBe(true);
  });
});

describe("submission schema", () => {
  const qs = [
    toPublicQuestion(single, { id: "s", order: ["a", "b", "c"] }),
    toPublicQuestion(multiple, { id: "m", order: ["a", "b", "c"] }),
    toPublicQuestion(ordering, { id: "o", order: ["i2", "i1", "i3"] }),
    toPublicQuestion(numeric, { id: "n" }),
  ];
  const schema = submissionSchema(qs);
  const complete = {
    [fieldName("s")]: "0",
    [fieldName("m")]: ["0", "1"],
    [fieldName("o", "0")]: "2",
    [fieldName("o", "1")]: "1",
    [fieldName("o", "2")]: "3",
    [fieldName("n")]: "2,5",
  };

  it("accepts a complete submission", () => {
    expect(schema.safeParse(complete).success).toBe(true);
  });
  it("asks in French for every missing answer", () => {
    const result = schema.safeParse({});
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain("Répondez à cette question.");
    expect(messages).toContain("Cochez au moins une réponse.");
    expect(messages).toContain("Choisissez une position.");
  });
  it("refuses values that were never presented and reused positions", () => {
    expect(schema.safeParse({ ...complete, [fieldName("s")]: "9" }).error!.issues[0]!.message).toBe("Réponse non reconnue.");
    expect(schema.safeParse({ ...complete, [fieldName("m")]: ["0", "0"] }).success).toBe(false);
    expect(schema.safeParse({ ...complete, [fieldName("o", "2")]: "2" }).error!.issues[0]!.message).toMatch(/qu'une fois/);
    expect(schema.safeParse({ ...complete, [fieldName("n")]: "deux" }).error!.issues[0]!.message).toMatch(/Saisissez un nombre/);
  });
  it("accepts a single checked box sent as a plain string", () => {
    expect(schema.safeParse({ ...complete, [fieldName("m")]: "1" }).success).toBe(true);
  });
  it("falls back on zod's French messages (zod/mini with the French locale only)", () => {
    expect(schema.safeParse(null).error!.issues[0]!.message).toBe("Entrée invalide : objet attendu, null reçu");
    expect(schema.safeParse({ ...complete, [fieldName("m")]: [3] }).error!.issues[0]!.message).toMatch(/^Entrée invalide : chaîne de caractères attendu/);
  });
});

describe("helpers", () => {
  it("parses French numbers", () => {
    expect(parseFrenchNumber("2,5")).toBe(2.5);
    expect(parseFrenchNumber(" 1 200 ")).toBe(1200);
    expect(parseFrenchNumber("deux")).toBeNull();
  });
  it("normalises text answers", () => {
    expect(normalizeText("  Échographie  Cardiaque ")).toBe("echographie cardiaque");
  });
  it("describes expected answers in French", () => {
    expect(describeExpected(truefalse)).toBe("Faux");
    expect(describeExpected(numeric)).toBe("2,5 h");
    expect(describeExpected(ordering)).toBe("1. d'abord ; 2. ensuite ; 3. enfin");
  });
});

describe("an empty select is a missing answer, not a forged one", () => {
  it("reports only the French 'choose' message", () => {
    const qs = [toPublicQuestion(matching, { id: "p", order: ["x", "y", "z"], rightOrder: ["y", "z", "x"] })];
    const result = submissionSchema(qs).safeParse({ [fieldName("p", "0")]: "", [fieldName("p", "1")]: "0", [fieldName("p", "2")]: "1" });
    expect(result.error!.issues.map((i) => i.message)).toEqual(["Choisissez une association."]);
  });
});

describe("what the banner says is wrong", () => {
  const qs = [
    toPublicQuestion(single, { id: "s", order: ["a", "b", "c"] }),
    toPublicQuestion(ordering, { id: "o", order: ["i2", "i1", "i3"] }),
    toPublicQuestion(numeric, { id: "n" }),
  ];
  const complete = { [fieldName("s")]: "0", [fieldName("o", "0")]: "2", [fieldName("o", "1")]: "1", [fieldName("o", "2")]: "3", [fieldName("n")]: "2,5" };
  /** Field errors as the server builds them: the first message per field. */
  const errorsOf = (values: Record<string, unknown>) => {
    const result = submissionSchema(qs).safeParse(values);
    const errors: Record<string, string> = {};
    for (const issue of result.error?.issues ?? []) errors[String(issue.path[0])] ??= issue.message;
    return errors;
  };

  it("says two items share a position, not that a question has no answer", () => {
    const errors = errorsOf({ ...complete, [fieldName("o", "2")]: "2" });
    expect(errors).toEqual({ [fieldName("o")]: QUIZ_MESSAGES.duplicatePosition });
    for (const wording of ["server", "client"] as const) {
      const summary = submissionErrorSummary(qs, errors, wording)!;
      expect(summary.message).toMatch(/^Deux éléments ont la même position/);
      expect(summary.message).not.toMatch(/sans réponse|pas de réponse/);
      expect(summary.questionIds).toEqual(["o"]);
    }
  });

  it("two empty positions are missing answers, not a duplicate", () => {
    const errors = errorsOf({ ...complete, [fieldName("o", "0")]: "", [fieldName("o", "1")]: "" });
    expect(errors).toEqual({ [fieldName("o", "0")]: "Choisissez une position.", [fieldName("o", "1")]: "Choisissez une position." });
    expect(submissionErrorSummary(qs, errors, "server")!.message).toBe("Certaines questions n'ont pas de réponse.");
  });

  it("a duplicate among chosen positions is still found when another position is empty", () => {
    const errors = errorsOf({ ...complete, [fieldName("o", "1")]: "2", [fieldName("o", "2")]: "" });
    expect(errors[fieldName("o")]).toBe(QUIZ_MESSAGES.duplicatePosition);
    const message = submissionErrorSummary(qs, errors, "server")!.message;
    expect(message).toContain("Certaines questions n'ont pas de réponse.");
    expect(message).toContain("Deux éléments ont la même position");
  });

  it("reports a duplicate along with a question left entirely unanswered", () => {
    const { [fieldName("s")]: _unanswered, ...rest } = complete;
    const errors = errorsOf({ ...rest, [fieldName("o", "2")]: "2" });
    expect(errors).toEqual({ [fieldName("s")]: "Répondez à cette question.", [fieldName("o")]: QUIZ_MESSAGES.duplicatePosition });
    const summary = submissionErrorSummary(qs, errors, "client")!;
    expect(summary.message).toBe(
      "Il reste une question sans réponse\u00a0: elle est signalée ci-dessous. Deux éléments ont la même position dans une question à remettre en ordre\u00a0: elle est signalée ci-dessous.",
    );
    expect(summary.questionIds).toEqual(["s", "o"]);
  });

  it("keeps the server's sentence for missing answers and counts them for the client, in question order", () => {
    const errors = errorsOf({ [fieldName("o", "0")]: "2", [fieldName("o", "1")]: "1", [fieldName("o", "2")]: "3" });
    expect(submissionErrorSummary(qs, errors, "server")).toEqual({ message: "Certaines questions n'ont pas de réponse.", questionIds: ["s", "n"] });
    expect(submissionErrorSummary(qs, errors, "client")!.message).toBe("Il reste 2 questions sans réponse\u00a0: elles sont signalées ci-dessous.");
    const one = errorsOf({ ...complete, [fieldName("s")]: undefined });
    expect(submissionErrorSummary(qs, one, "client")!.message).toBe("Il reste une question sans réponse\u00a0: elle est signalée ci-dessous.");
  });

  it("tells a badly written number from a missing answer", () => {
    const errors = errorsOf({ ...complete, [fieldName("n")]: "deux" });
    const message = submissionErrorSummary(qs, errors, "server")!.message;
    expect(message).toMatch(/^Une réponse n'est pas écrite comme attendu/);
    expect(message).not.toMatch(/pas de réponse/);
  });

  it("a forged value wins over everything else, and no error means no banner", () => {
    const errors = errorsOf({ ...complete, [fieldName("s")]: "9", [fieldName("n")]: "" });
    expect(submissionErrorSummary(qs, errors, "server")!.message).toBe(QUIZ_MESSAGES.forged);
    expect(submissionErrorSummary(qs, { [fieldName("inventee")]: "Réponse non reconnue." }, "client")!.message).toBe(QUIZ_MESSAGES.forged);
    expect(submissionErrorSummary(qs, errorsOf(complete), "server")).toBeNull();
  });
});
