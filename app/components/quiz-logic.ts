// Pure helpers of the quiz form and result, kept apart from React so unit tests can check them.
import { useSyncExternalStore } from "react";
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

/**
 * A result line as built by describeGiven / describeExpected, split back into its parts when it is an
 * ordering ("1. a ; 2. b") or a matching ("a → x ; b → y"); null for any other answer. Content text is
 * typeset with a narrow no-break space before « ; », so the plain " ; " separator cannot occur inside it.
 */
export function parseAnswerList(text: string): { kind: "ordering"; items: string[] } | { kind: "matching"; pairs: { left: string; right: string }[] } | null {
  const parts = text.split(" ; ");
  if (parts.length < 2) return null;
  const numbered = parts.map((part, i) => (part.startsWith(`${i + 1}. `) ? part.slice(`${i + 1}. `.length) : null));
  if (numbered.every((p): p is string => p !== null)) return { kind: "ordering", items: numbered };
  const pairs = parts.map((part) => {
    const at = part.indexOf(" → ");
    return at < 0 ? null : { left: part.slice(0, at), right: part.slice(at + " → ".length) };
  });
  if (pairs.every((p): p is { left: string; right: string } => p !== null)) return { kind: "matching", pairs };
  return null;
}

const noop = () => () => {};

/** False on the server and during hydration, true afterwards: what the server rendered stays until then. */
export function useHydrated() {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

/** Whether a media query matches, false on the server and during hydration. */
export function useMediaQuery(query: string) {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
