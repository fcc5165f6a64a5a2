// The learner's « next step »: one card, the most useful thing to do now.
import { describe, expect, it } from "vitest";
import { nextStep, type NextStepInput } from "~/domain/next-step";

const base: NextStepInput = { steps: [], inProgress: [], updates: [], dueCards: 0, nextModule: null, today: "2026-12-02" };
const step = (id: string, dueDate: string, late = false) => ({ id, title: `Étape ${id}`, dueDate, late });

describe("next step", () => {
  it.each<[string, Partial<NextStepInput>, string, string]>([
    [
      "a late step beats everything",
      { steps: [step("a", "2026-11-30", true)], inProgress: [{ id: "m", title: "M", minutes: 45 }], dueCards: 10 },
      "etape",
      "/parcours#etape-a",
    ],
    [
      "then a module she started",
      { inProgress: [{ id: "m", title: "M", minutes: 45 }], dueCards: 10, updates: [{ id: "u", title: "U" }] },
      "module",
      "/modules/m",
    ],
    ["then an update she owes", { updates: [{ id: "u", title: "U" }], dueCards: 10 }, "mise-a-jour", "/modules/u/mise-a-jour"],
    ["then review cards", { dueCards: 10, steps: [step("b", "2026-12-05")] }, "revision", "/revisions"],
    ["then a step due within a week", { steps: [step("b", "2026-12-05")], nextModule: { id: "n", title: "N", minutes: 30 } }, "etape", "/parcours#etape-b"],
    [
      "a step due in three weeks waits: a new module first",
      { steps: [step("c", "2026-12-23")], nextModule: { id: "n", title: "N", minutes: 30 } },
      "nouveau-module",
      "/modules/n",
    ],
    ["nothing to do", {}, "rien", "/fiches-reflexes"],
  ])("%s", (_label, input, kind, href) => {
    const result = nextStep({ ...base, ...input });
    expect(result.kind).toBe(kind);
    expect(result.href).toBe(href);
  });

  it("says how long a module takes and how many cards wait, in French", () => {
    expect(nextStep({ ...base, inProgress: [{ id: "m", title: "Identitovigilance", minutes: 45 }] })).toMatchObject({
      title: "Identitovigilance",
      detail: "Module commencé · environ 45 min",
      action: "Continuer ce module",
    });
    expect(nextStep({ ...base, dueCards: 1 }).title).toBe("1 carte à réviser");
    expect(nextStep({ ...base, steps: [step("d", "2026-12-03")] }).detail).toBe("Étape de votre parcours, prévue dans 1 jour");
  });
});
