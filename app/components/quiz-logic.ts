// Pure helpers of the quiz form and result, kept apart from React so unit tests can check them.
import { fieldName, type PublicQuestion } from "~/domain/quiz";

type Values = Record<string, string | string[] | undefined>;

const filled = (v: string | string[] | undefined) => (Array.isArray(v) ? v.some((x) => x.trim() !== "") : typeof v === "string" && v.trim() !== "");

/** How many questions have an answer in the form's current values (every row, for matching and ordering). */
export function countAnswered(questions: PublicQuestion[], values: Values): number {
  return questions.filter((q) =>
    q.type === "matching" || q.type === "ordering" ? (q.left ?? []).every((row) => filled(values[fieldName(q.id, row.key)])) : filled(values[fieldName(q.id)]),
  ).length;
}

/**
 * The order of an ordering question's items from positions typed in its selects (item key -> "1".."n").
 * A complete set of distinct positions is an answer (`complete`); otherwise the items keep the presented
 * order, those with a position first, and the learner still has to arrange them.
 */
export function orderFromPositions(keys: string[], positions: Record<string, string | undefined>): { order: string[]; complete: boolean } {
  const n = keys.length;
  const pos = (key: string) => {
    const p = Number(positions[key]);
    return Number.isInteger(p) && p >= 1 && p <= n ? p : Number.POSITIVE_INFINITY;
  };
  const order = keys.map((key, i) => ({ key, i, p: pos(key) })).sort((a, b) => a.p - b.p || a.i - b.i).map((x) => x.key);
  const complete = new Set(keys.map(pos).filter(Number.isFinite)).size === n;
  return { order, complete };
}

/** Moves `key` one step up (-1) or down (+1); an item already at the end stays where it is. */
export function moveItem(order: string[], key: string, step: -1 | 1): string[] {
  const i = order.indexOf(key);
  const j = i + step;
  if (i < 0 || j < 0 || j >= order.length) return order;
  const next = [...order];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

export { parseAnswerList } from "./answer-list";
