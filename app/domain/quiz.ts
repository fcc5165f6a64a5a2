// The quiz engine's rules, with no I/O: drawing a set from a bank, presenting it without answers,
// reading a submission back into content ids, and grading.
import type { Question, Quiz } from "~/content/module-schema";

export type Random = () => number;

/** What an attempt stores of the draw: the question and the presented order of its parts. */
export type DrawnQuestion = { id: string; order?: string[]; rightOrder?: string[] };

/** An answer expressed in content ids, ready to grade. */
export type Answer =
  | { type: "single"; optionId: string }
  | { type: "multiple"; optionIds: string[] }
  | { type: "truefalse"; value: boolean }
  | { type: "matching"; pairs: Record<string, string> } // left pair id -> chosen right pair id
  | { type: "ordering"; itemIds: string[] } // the learner's order
  | { type: "numeric"; value: number }
  | { type: "text"; value: string };

export function shuffle<T>(items: readonly T[], random: Random = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** `count` questions of a shuffled list, one of each type first, so that a competency is tested in several ways. */
function varied(list: Question[], count: number): Question[] {
  const firstOfType = new Map<string, Question>();
  for (const q of list) if (!firstOfType.has(q.type)) firstOfType.set(q.type, q);
  const head = [...firstOfType.values()];
  return [...head, ...list.filter((q) => !head.includes(q))].slice(0, count);
}

/** The questions of a draw: drawCount at random, or drawPerCompetency of each competency (then shuffled together). */
export function pickQuestions(quiz: Quiz, random: Random = Math.random) {
  if (!quiz.drawPerCompetency) return shuffle(quiz.questions, random).slice(0, quiz.drawCount);
  const byCompetency = new Map<string, Question[]>();
  for (const q of quiz.questions) byCompetency.set(q.competency, [...(byCompetency.get(q.competency) ?? []), q]);
  const picked = [...byCompetency.values()].flatMap((list) => varied(shuffle(list, random), quiz.drawPerCompetency!));
  return shuffle(picked, random);
}

/** Draws the questions (see pickQuestions) and shuffles the parts of each. */
export function drawQuiz(quiz: Quiz, random: Random = Math.random): DrawnQuestion[] {
  return pickQuestions(quiz, random).map((q): DrawnQuestion => {
    switch (q.type) {
      case "single":
      case "multiple":
        return {
          id: q.id,
          order: shuffle(
            q.options.map((o) => o.id),
            random,
          ),
        };
      case "matching": {
        const ids = q.pairs.map((p) => p.id);
        let rightOrder = shuffle(ids, random);
        // Never present the right column aligned with the left one.
        const order = shuffle(ids, random);
        if (rightOrder.every((id, i) => id === order[i])) rightOrder = [...rightOrder.slice(1), rightOrder[0]!];
        return { id: q.id, order, rightOrder };
      }
      case "ordering": {
        const ids = q.items.map((i) => i.id);
        let order = shuffle(ids, random);
        if (order.every((id, i) => id === ids[i])) order = [...order.slice(1), order[0]!];
        return { id: q.id, order };
      }
      default:
        return { id: q.id };
    }
  });
}

/**
 * The browser's view of a drawn question. Option values are positions in the presented order,
 * so nothing in the HTML tells which one is right.
 */
export type PublicQuestion = {
  id: string;
  type: Question["type"];
  case?: string;
  prompt: string;
  choices?: { value: string; text: string }[]; // single, multiple, truefalse
  left?: { key: string; text: string }[]; // matching rows, ordering items
  right?: { value: string; text: string }[]; // matching options
  unit?: string;
};

export function toPublicQuestion(q: Question, drawn: DrawnQuestion): PublicQuestion {
  const base = { id: q.id, type: q.type, prompt: q.prompt, ...(q.case ? { case: q.case } : {}) };
  switch (q.type) {
    case "single":
    case "multiple": {
      const byId = new Map(q.options.map((o) => [o.id, o.text]));
      return { ...base, choices: (drawn.order ?? []).map((id, i) => ({ value: String(i), text: byId.get(id) ?? "" })) };
    }
    case "truefalse":
      return {
        ...base,
        choices: [
          { value: "vrai", text: "Vrai" },
          { value: "faux", text: "Faux" },
        ],
      };
    case "matching": {
      const byId = new Map(q.pairs.map((p) => [p.id, p]));
      return {
        ...base,
        left: (drawn.order ?? []).map((id, i) => ({ key: String(i), text: byId.get(id)?.left ?? "" })),
        right: (drawn.rightOrder ?? []).map((id, i) => ({ value: String(i), text: byId.get(id)?.right ?? "" })),
      };
    }
    case "ordering": {
      const byId = new Map(q.items.map((it) => [it.id, it.text]));
      return { ...base, left: (drawn.order ?? []).map((id, i) => ({ key: String(i), text: byId.get(id) ?? "" })) };
    }
    case "numeric":
      return { ...base, ...(q.unit ? { unit: q.unit } : {}) };
    case "text":
      return base;
  }
}

/** Form field names, shared by the form and the parser. */
export const fieldName = (questionId: string, key?: string) => (key === undefined ? `q__${questionId}` : `q__${questionId}__${key}`);

/** Messages of the submission schema that the banner above the quiz tells apart. */
export const QUIZ_MESSAGES = {
  unknown: "Réponse non reconnue.",
  duplicatePosition: "Deux éléments ont la même position\u00a0: chaque position ne peut servir qu'une fois.",
  forged: "Réponse refusée : une des valeurs envoyées ne correspond à aucune proposition.",
  missingServer: "Certaines questions n'ont pas de réponse.",
} as const;

const MISSING_MESSAGES = new Set(["Répondez à cette question.", "Cochez au moins une réponse.", "Choisissez une association.", "Choisissez une position."]);

export type SubmissionProblem = "missing" | "duplicate" | "format" | "unknown";

export function problemOf(message: string): SubmissionProblem {
  if (message === QUIZ_MESSAGES.unknown) return "unknown";
  if (message === QUIZ_MESSAGES.duplicatePosition) return "duplicate";
  return MISSING_MESSAGES.has(message) ? "missing" : "format";
}

/** The field names a question sends: its own, then one per matching row or ordering item. */
export const questionFields = (q: PublicQuestion) => [fieldName(q.id), ...(q.left ?? []).map((row) => fieldName(q.id, row.key))];

/**
 * What the banner above a refused quiz says, from the errors per field name: exactly what is wrong
 * (missing answers, two items at the same position, a badly written number), and which questions,
 * in the order shown. `wording` "server" keeps the sentence shown without JavaScript; "client"
 * counts the questions left.
 */
export function submissionErrorSummary(
  questions: PublicQuestion[],
  errors: Record<string, string | undefined>,
  wording: "server" | "client",
): { message: string; questionIds: string[] } | null {
  const byProblem: Record<SubmissionProblem, number> = { missing: 0, duplicate: 0, format: 0, unknown: 0 };
  const questionIds: string[] = [];
  for (const q of questions) {
    const problems = new Set(questionFields(q).flatMap((key) => (errors[key] ? [problemOf(errors[key])] : [])));
    if (problems.size === 0) continue;
    questionIds.push(q.id);
    for (const p of problems) byProblem[p]++;
  }
  // Anything else with a field name (a question outside the draw) is a forged value too.
  const known = new Set(questions.flatMap(questionFields));
  if (Object.entries(errors).some(([key, message]) => message && !known.has(key))) byProblem.unknown++;
  if (byProblem.unknown > 0) return { message: QUIZ_MESSAGES.forged, questionIds };
  if (questionIds.length === 0) return null;
  const one = (n: number) => n === 1;
  const parts: string[] = [];
  if (byProblem.missing > 0)
    parts.push(
      wording === "server"
        ? QUIZ_MESSAGES.missingServer
        : one(byProblem.missing)
          ? "Il reste une question sans réponse\u00a0: elle est signalée ci-dessous."
          : `Il reste ${byProblem.missing} questions sans réponse\u00a0: elles sont signalées ci-dessous.`,
    );
  if (byProblem.duplicate > 0)
    parts.push(
      one(byProblem.duplicate)
        ? "Deux éléments ont la même position dans une question à remettre en ordre\u00a0: elle est signalée ci-dessous."
        : `Deux éléments ont la même position dans ${byProblem.duplicate} questions à remettre en ordre\u00a0: elles sont signalées ci-dessous.`,
    );
  if (byProblem.format > 0)
    parts.push(
      one(byProblem.format)
        ? "Une réponse n'est pas écrite comme attendu\u00a0: elle est signalée ci-dessous."
        : `${byProblem.format} réponses ne sont pas écrites comme attendu\u00a0: elles sont signalées ci-dessous.`,
    );
  return { message: parts.join(" "), questionIds };
}

export function parseFrenchNumber(raw: string): number | null {
  const cleaned = raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Maps validated raw values back to content ids through the stored draw. */
export function toAnswer(q: Question, drawn: DrawnQuestion, values: Record<string, unknown>): Answer {
  const raw = values[fieldName(q.id)];
  const at = (list: string[] | undefined, index: unknown) => list?.[Number(index)] ?? "";
  switch (q.type) {
    case "single":
      return { type: "single", optionId: at(drawn.order, raw) };
    case "multiple":
      return { type: "multiple", optionIds: (raw as string[]).map((v) => at(drawn.order, v)) };
    case "truefalse":
      return { type: "truefalse", value: raw === "vrai" };
    case "matching": {
      const pairs: Record<string, string> = {};
      (drawn.order ?? []).forEach((leftId, i) => {
        pairs[leftId] = at(drawn.rightOrder, values[fieldName(q.id, String(i))]);
      });
      return { type: "matching", pairs };
    }
    case "ordering": {
      const placed = (drawn.order ?? []).map((id, i) => ({ id, pos: Number(values[fieldName(q.id, String(i))]) }));
      return { type: "ordering", itemIds: placed.sort((a, b) => a.pos - b.pos).map((p) => p.id) };
    }
    case "numeric":
      return { type: "numeric", value: parseFrenchNumber(String(raw)) ?? Number.NaN };
    case "text":
      return { type: "text", value: String(raw) };
  }
}

export function normalizeText(value: string) {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when the answer is entirely right. Unknown ids or a mismatched type simply count as wrong. */
export function isCorrect(q: Question, answer: Answer | undefined): boolean {
  if (!answer || answer.type !== q.type) return false;
  switch (q.type) {
    case "single": {
      const a = answer as Extract<Answer, { type: "single" }>;
      return q.options.some((o) => o.correct && o.id === a.optionId);
    }
    case "multiple": {
      const a = answer as Extract<Answer, { type: "multiple" }>;
      const expected = new Set(q.options.filter((o) => o.correct).map((o) => o.id));
      const given = new Set(a.optionIds);
      return given.size === expected.size && [...given].every((id) => expected.has(id));
    }
    case "truefalse":
      return (answer as Extract<Answer, { type: "truefalse" }>).value === q.answer;
    case "matching": {
      const a = answer as Extract<Answer, { type: "matching" }>;
      return q.pairs.every((p) => a.pairs[p.id] === p.id) && Object.keys(a.pairs).length === q.pairs.length;
    }
    case "ordering": {
      const a = answer as Extract<Answer, { type: "ordering" }>;
      return a.itemIds.length === q.items.length && q.items.every((it, i) => a.itemIds[i] === it.id);
    }
    case "numeric": {
      const a = answer as Extract<Answer, { type: "numeric" }>;
      return Number.isFinite(a.value) && Math.abs(a.value - q.answer) <= q.tolerance;
    }
    case "text": {
      const given = normalizeText((answer as Extract<Answer, { type: "text" }>).value);
      return q.accepted.some((accepted) => normalizeText(accepted) === given);
    }
  }
}

export type QuestionResult = { id: string; correct: boolean };
export type Grade = { results: QuestionResult[]; correctCount: number; total: number; score: number; passed: boolean };

/** Grades a drawn set: unanswered questions count as wrong; the score is a whole percentage. */
export function gradeAttempt(questions: Question[], answers: Record<string, Answer | undefined>, passMark: number): Grade {
  const results = questions.map((q) => ({ id: q.id, correct: isCorrect(q, answers[q.id]) }));
  const correctCount = results.filter((r) => r.correct).length;
  const total = questions.length;
  const score = total === 0 ? 0 : Math.round((correctCount / total) * 100);
  return { results, correctCount, total, score, passed: score >= passMark };
}

/** A readable form of the expected answer, shown with the explanation after submission. */
export function describeExpected(q: Question): string {
  switch (q.type) {
    case "single":
    case "multiple":
      return q.options
        .filter((o) => o.correct)
        .map((o) => o.text)
        .join(" ; ");
    case "truefalse":
      return q.answer ? "Vrai" : "Faux";
    case "matching":
      return q.pairs.map((p) => `${p.left} → ${p.right}`).join(" ; ");
    case "ordering":
      return q.items.map((it, i) => `${i + 1}. ${it.text}`).join(" ; ");
    case "numeric":
      return `${String(q.answer).replace(".", ",")}${q.unit ? ` ${q.unit}` : ""}`;
    case "text":
      return q.accepted[0] ?? "";
  }
}

/** A readable form of what the learner gave. */
export function describeGiven(q: Question, answer: Answer | undefined): string {
  if (!answer) return "Sans réponse";
  switch (answer.type) {
    case "single":
      return q.type === "single" ? (q.options.find((o) => o.id === answer.optionId)?.text ?? "—") : "—";
    case "multiple":
      return q.type === "multiple" ? answer.optionIds.map((id) => q.options.find((o) => o.id === id)?.text ?? "—").join(" ; ") : "—";
    case "truefalse":
      return answer.value ? "Vrai" : "Faux";
    case "matching":
      return q.type === "matching" ? q.pairs.map((p) => `${p.left} → ${q.pairs.find((x) => x.id === answer.pairs[p.id])?.right ?? "—"}`).join(" ; ") : "—";
    case "ordering":
      return q.type === "ordering" ? answer.itemIds.map((id, i) => `${i + 1}. ${q.items.find((it) => it.id === id)?.text ?? "—"}`).join(" ; ") : "—";
    case "numeric":
      return String(answer.value).replace(".", ",");
    case "text":
      return answer.value;
  }
}
