// Rules of the integration path: due dates, status and lateness, summaries, service merges, observations.
import path from "node:path";
import fs from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { pathTemplateSchema } from "~/content/integration-path";
import { awaitingValidation, daysLate, dueDateFrom, observationProgress, planServiceMerge, stepStatus, summarizePath, type StepDefinition } from "~/domain/integration-path";
import { ROOT } from "../helpers/paths";
import { parisDay } from "~/utils/dates";

const step = (over: Partial<Parameters<typeof stepStatus>[0]> = {}) => ({ dueDate: "2026-11-20", requiresTutor: false, doneAt: null, validatedAt: null, ...over });

describe("due dates", () => {
  it.each([
    ["2026-11-12", 0, "2026-11-12"],
    ["2026-11-12", -3, "2026-11-09"],
    ["2026-11-12", 30, "2026-12-12"],
    ["2026-02-27", 2, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-03-28", 1, "2026-03-29"], // daylight saving change in France: no drift
  ])("hire %s + %i days = %s", (hire, days, expected) => {
    expect(dueDateFrom(hire, days)).toBe(expected);
  });

  it("refuses an invalid hire date", () => {
    expect(() => dueDateFrom("12/11/2026", 3)).toThrow();
  });

  it("today is the date in Paris, not in UTC", () => {
    expect(parisDay(new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-23");
    expect(parisDay(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(parisDay(new Date("2026-07-01T22:01:00Z"))).toBe("2026-07-02");
  });
});

describe("step status", () => {
  it.each([
    ["not done, due later", step({ dueDate: "2026-11-25" }), "a_faire"],
    ["not done, due today (not late yet)", step({ dueDate: "2026-11-22" }), "a_faire"],
    ["not done, due yesterday", step({ dueDate: "2026-11-21" }), "en_retard"],
    ["done", step({ doneAt: "2026-11-21T10:00:00Z" }), "termine"],
    ["done late still counts as done", step({ dueDate: "2026-11-01", doneAt: "2026-11-21T10:00:00Z" }), "termine"],
    ["done, needs the tutor", step({ requiresTutor: true, doneAt: "2026-11-21T10:00:00Z" }), "a_valider"],
    ["validated by the tutor", step({ requiresTutor: true, doneAt: "2026-11-21T10:00:00Z", validatedAt: "2026-11-21T11:00:00Z" }), "termine"],
    ["module completed", step({ kind: "module", moduleCompleted: true }), "termine"],
    ["module not completed, late", step({ kind: "module", moduleCompleted: false, dueDate: "2026-11-01" }), "en_retard"],
  ])("%s", (_label, s, expected) => {
    expect(stepStatus(s, "2026-11-22")).toBe(expected);
  });

  it("counts whole days of lateness", () => {
    expect(daysLate(step({ dueDate: "2026-11-12" }), "2026-11-22")).toBe(10);
    expect(daysLate(step({ dueDate: "2026-11-12", doneAt: "x" }), "2026-11-22")).toBe(0);
  });

  it("summarises a path", () => {
    const steps = [
      step({ doneAt: "x" }),
      step({ dueDate: "2026-11-01" }),
      step({ requiresTutor: true, doneAt: "x" }),
      step({ dueDate: "2026-12-01" }),
    ];
    expect(summarizePath(steps, "2026-11-22")).toEqual({ total: 4, done: 1, late: 1, awaiting: 1, percent: 25 });
    expect(summarizePath([], "2026-11-22").percent).toBe(0);
  });

  it("lists what awaits the tutor, oldest due date first", () => {
    const a = { ...step({ requiresTutor: true, doneAt: "2026-11-20", dueDate: "2026-11-19" }), id: "a" };
    const b = { ...step({ requiresTutor: true, doneAt: "2026-11-18", dueDate: "2026-11-10" }), id: "b" };
    const c = { ...step({ requiresTutor: true, doneAt: "2026-11-18", dueDate: "2026-11-10", validatedAt: "x" }), id: "c" };
    expect(awaitingValidation([a, b, c]).map((s) => s.id)).toEqual(["b", "a"]);
  });
});

describe("merging a service's local steps into paths in progress", () => {
  const def = (key: string, title = key): StepDefinition => ({ key, phase: "semaine-1", position: 1000, kind: "document", title, description: "d", link: null, contact: null, module: null, fiche: null, dueDay: 3, requiresTutor: false });
  const existing = (id: string, key: string, over: Partial<{ doneAt: string | null; validatedAt: string | null; removedAt: string | null }> = {}) => ({ id, key, doneAt: null, validatedAt: null, removedAt: null, ...over });

  it("adds new steps, updates steps not done, removes abandoned steps not done, keeps done ones", () => {
    const plan = planServiceMerge(
      [
        existing("1", "service:a"),
        existing("2", "service:b", { doneAt: "x" }),
        existing("3", "service:c"),
        existing("4", "service:d", { validatedAt: "x" }),
        existing("5", "template:livret"),
      ],
      [def("service:a", "A v2"), def("service:b", "B v2"), def("service:e")],
    );
    expect(plan.insert.map((d) => d.key)).toEqual(["service:e"]);
    expect(plan.update.map((u) => [u.id, u.definition.title])).toEqual([["1", "A v2"]]);
    expect(plan.remove.sort()).toEqual(["3"]);
  });

  it("brings back a step the service restores", () => {
    const plan = planServiceMerge([existing("1", "service:a", { removedAt: "x" })], [def("service:a")]);
    expect(plan.update.map((u) => u.id)).toEqual(["1"]);
    expect(plan.insert).toEqual([]);
  });

  it("does nothing when nothing changed in the set", () => {
    const plan = planServiceMerge([], []);
    expect(plan).toEqual({ insert: [], update: [], remove: [] });
  });
});

describe("observations on the job", () => {
  const v = (level: "generales" | "operationnelles" | "approfondies", observedOn: string, supersededAt: string | null = null) => ({ competencyId: "ct-coordination", level, observedOn, supersededAt });

  it("counts distinct days at the level or above, and ignores corrected validations", () => {
    const list = [v("operationnelles", "2026-11-01"), v("operationnelles", "2026-11-01"), v("approfondies", "2026-11-03"), v("operationnelles", "2026-11-05", "x"), v("generales", "2026-11-06")];
    expect(observationProgress(list, "ct-coordination", "operationnelles", 3)).toEqual({ observed: 2, required: 3, remaining: 1, met: false });
    expect(observationProgress(list, "ct-coordination", "generales", 3)).toEqual({ observed: 3, required: 3, remaining: 0, met: true });
    expect(observationProgress(list, "ct-ecoute", "generales", 1).observed).toBe(0);
  });
});

describe("the path template", () => {
  it("the real template is valid and covers the study's invariants", () => {
    const data = parse(fs.readFileSync(path.join(ROOT, "content", "parcours-integration.yaml"), "utf8"));
    const parsed = pathTemplateSchema.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const kinds = new Set(parsed.data!.steps.map((s) => s.kind));
    for (const k of ["document", "rencontre", "acces", "module", "fiche", "immersion", "point-etape", "rapport", "bilan"]) expect(kinds).toContain(k);
  });

  it.each([
    ["a duplicate step", (t: any) => t.steps.push({ ...t.steps[0] }), /en double/],
    ["an unknown phase", (t: any) => (t.steps[0].phase = "mois-12"), /phase « mois-12 » inconnue/],
    ["a module step without its module", (t: any) => delete t.steps.find((s: any) => s.kind === "module").module, /doit nommer son module/],
    ["an uncovered invariant", (t: any) => t.steps.forEach((s: any) => (s.invariants = s.invariants.filter((i: string) => i !== "relationnel"))), /attitude relationnelle/],
    ["an unknown kind", (t: any) => (t.steps[0].kind = "visite"), /type d'étape inconnu/],
  ])("refuses %s", (_label, mutate, message) => {
    const data = parse(fs.readFileSync(path.join(ROOT, "content", "parcours-integration.yaml"), "utf8"));
    mutate(data);
    const parsed = pathTemplateSchema.safeParse(data);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join(" | ")).toMatch(message);
  });
});

describe("due dates never before the account existed", () => {
  it("moves a due date that falls before her account's creation to that day, and leaves later ones alone", () => {
    expect(dueDateFrom("2026-11-16", -3, "2026-12-02")).toBe("2026-12-02");
    expect(dueDateFrom("2026-11-16", 30, "2026-12-02")).toBe("2026-12-16");
    expect(dueDateFrom("2026-12-10", -3, "2026-12-02")).toBe("2026-12-07"); // created before she arrives: « avant l'arrivée » keeps its date
    expect(dueDateFrom("2026-11-16", -3)).toBe("2026-11-13");
  });
});

describe("a step's phase and its due day agree", () => {
  it("refuses « Avant l'arrivée · Jour 120 » with a French reason, accepts a day inside the phase", async () => {
    const { phaseDayProblem } = await import("~/content/integration-path");
    const before = { title: "Avant l'arrivée", days: { from: -60, to: -1 } };
    expect(phaseDayProblem(before, 120)).toBe("Pour la phase « Avant l'arrivée », l'échéance doit être comprise entre 60 jours avant l'arrivée et 1 jour avant l'arrivée : changez la phase ou le nombre de jours.");
    expect(phaseDayProblem(before, -3)).toBeNull();
    expect(phaseDayProblem({ title: "Premier jour", days: { from: 0, to: 1 } }, 3)).toMatch(/entre le jour de l'arrivée et le jour 1 :/);
    expect(phaseDayProblem({ title: "Sans fenêtre" }, 999)).toBeNull();
  });

  it("the real template keeps every step inside its phase", () => {
    const template = pathTemplateSchema.parse(parse(fs.readFileSync(path.join(process.cwd(), "content", "parcours-integration.yaml"), "utf8")));
    expect(template.phases.every((p) => p.days)).toBe(true);
  });
});
