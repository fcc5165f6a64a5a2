// Interactive situations: a phone call or a desk scene told in steps; at each step the learner chooses what
// to say or do, sees the consequence and the feedback, and the path goes on from there (branching). The
// whole state is the list of choices made so far, so the page works as a sequence of plain forms.
// Pure: no I/O.
import type { Situation } from "~/content/situations";

export type { Situation };
type Step = Situation["steps"][number];
type Choice = Step["choices"][number];

export type Walk =
  | {
      ok: true;
      step: Step;
      /** The choices made, each with its step, feedback and points. */
      history: { step: Step; choice: Choice }[];
      ended: boolean;
      score: number;
      /** The best score possible along the path taken (2 per step answered). */
      maxScore: number;
    }
  | { ok: false };

/** Plays the choices made from the start; an impossible path (a choice that is not offered) is refused. */
export function walk(situation: Situation, choiceIds: readonly string[]): Walk {
  const byId = new Map(situation.steps.map((t) => [t.id, t]));
  let step = byId.get(situation.start)!;
  const history: { step: Step; choice: Choice }[] = [];
  for (const choiceId of choiceIds) {
    const choice = step.choices.find((c) => c.id === choiceId);
    if (!choice) return { ok: false };
    history.push({ step, choice });
    step = byId.get(choice.next)!;
  }
  const score = history.reduce((n, h) => n + h.choice.points, 0);
  return { ok: true, step, history, ended: step.choices.length === 0, score, maxScore: history.length * 2 };
}

/** The path as it travels in a URL: choice ids joined by dots. */
export function parsePath(raw: string | null): string[] {
  if (!raw) return [];
  return raw.split(".").filter(Boolean).slice(0, 50);
}
