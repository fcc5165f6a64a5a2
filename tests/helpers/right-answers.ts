// Builds the form values that answer a drawn quiz rightly (or wrongly for some questions), from the
// server-side bank: only a test may do this.
import type { Question } from "~/content/module-schema";
import { fieldName, type PublicQuestion } from "~/domain/quiz";

/** Answers every drawn question rightly (using the server-side bank, as only a test can). */
/**
 * The options to tick: the right ones, or a wrong answer — the wrong options, or, when every option of a
 * multiple-choice question is right, only the first (an incomplete answer is a wrong one).
 */
export function chosenOptions<O extends { correct?: boolean }>(options: O[], wrong: boolean): O[] {
  if (!wrong) return options.filter((o) => o.correct);
  const bad = options.filter((o) => !o.correct);
  return bad.length ? bad : options.slice(0, 1);
}

export function answersFor(bank: Question[], questions: PublicQuestion[], wrongIds: string[] = []): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  for (const pq of questions) {
    const q = bank.find((b) => b.id === pq.id)!;
    const wrong = wrongIds.includes(q.id);
    switch (q.type) {
      case "single":
      case "multiple": {
        const correctTexts = chosenOptions(q.options, wrong).map((o) => o.text);
        const values = pq.choices!.filter((c) => correctTexts.includes(c.text)).map((c) => c.value);
        form[fieldName(q.id)] = q.type === "single" ? values[0]! : values;
        break;
      }
      case "truefalse":
        form[fieldName(q.id)] = q.answer !== wrong ? "vrai" : "faux";
        break;
      case "matching":
        for (const row of pq.left!) {
          const pair = q.pairs.find((p) => p.left === row.text)!;
          const target = wrong ? q.pairs.find((p) => p.id !== pair.id)! : pair;
          form[fieldName(q.id, row.key)] = pq.right!.find((r) => r.text === target.right)!.value;
        }
        break;
      case "ordering":
        for (const row of pq.left!) {
          const index = q.items.findIndex((it) => it.text === row.text);
          form[fieldName(q.id, row.key)] = String(wrong ? q.items.length - index : index + 1);
        }
        break;
      case "numeric":
        form[fieldName(q.id)] = String(wrong ? q.answer + 10 : q.answer).replace(".", ",");
        break;
      case "text":
        form[fieldName(q.id)] = wrong ? "autre chose" : ` ${q.accepted[0]!.toLowerCase()} `;
        break;
    }
  }
  return form;
}
