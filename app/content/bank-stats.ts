// Quiz banks that test knowledge, not test-taking: two tricks let someone who knows nothing pass a
// careless bank — pick the longest option of a single-choice question, tick all options but the odd
// one out of a multiple-choice question. These statistics measure both (thresholds: docs/decisions/005).
import type { Question } from "./module-schema";

export const BANK_LIMITS = {
  /** Share of single-choice questions whose right option is strictly the longest. 1 in 4 is chance with 4 options. */
  longestCorrect: { bank: 0.4, overall: 0.3 },
  /** Share of multiple-choice questions with exactly one wrong option ("all but the odd one out"). */
  oneWrong: { bank: 0.4, overall: 0.25 },
  /** Below this many questions of a kind, a bank's share is too noisy to judge on its own (it still counts overall). */
  minForBank: 4,
} as const;

export type BankStats = { single: number; longestCorrect: number; multiple: number; oneWrong: number };

const length = (text: string) => [...text.trim()].length;

export function bankStats(questions: readonly Question[]): BankStats {
  const stats: BankStats = { single: 0, longestCorrect: 0, multiple: 0, oneWrong: 0 };
  for (const q of questions) {
    if (q.type === "single") {
      stats.single++;
      const right = q.options.find((o) => o.correct);
      if (right && q.options.every((o) => o === right || length(o.text) < length(right.text))) stats.longestCorrect++;
    } else if (q.type === "multiple") {
      stats.multiple++;
      if (q.options.filter((o) => !o.correct).length === 1) stats.oneWrong++;
    }
  }
  return stats;
}

export const addStats = (a: BankStats, b: BankStats): BankStats => ({
  single: a.single + b.single,
  longestCorrect: a.longestCorrect + b.longestCorrect,
  multiple: a.multiple + b.multiple,
  oneWrong: a.oneWrong + b.oneWrong,
});

const pct = (n: number, d: number) => `${Math.round((100 * n) / d)} %`;

/** What is wrong with these statistics, for one bank (`scope: "bank"`) or for the whole catalogue. */
export function bankStatsProblems(stats: BankStats, scope: "bank" | "overall"): string[] {
  const problems: string[] = [];
  const { longestCorrect, oneWrong, minForBank } = BANK_LIMITS;
  const judge = (count: number) => scope === "overall" || count >= minForBank;
  if (stats.single && judge(stats.single) && stats.longestCorrect / stats.single > longestCorrect[scope])
    problems.push(
      `choix unique : la bonne réponse est la plus longue dans ${stats.longestCorrect} question(s) sur ${stats.single} (${pct(stats.longestCorrect, stats.single)}, au plus ${pct(longestCorrect[scope], 1)})`,
    );
  if (stats.multiple && judge(stats.multiple) && stats.oneWrong / stats.multiple > oneWrong[scope])
    problems.push(
      `choix multiple : une seule option fausse dans ${stats.oneWrong} question(s) sur ${stats.multiple} (${pct(stats.oneWrong, stats.multiple)}, au plus ${pct(oneWrong[scope], 1)})`,
    );
  return problems;
}
