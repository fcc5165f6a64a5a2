// Interactive situations: the format's checks (bad situations refused) and the walk along a path.
import { describe, expect, it } from "vitest";
import { situationSchema } from "~/content/situations";
import { parsePath, walk } from "~/domain/situations";

const choice = (id: string, next: string, points: 0 | 1 | 2) => ({ id, text: `Choix ${id}`, feedback: `Retour ${id}`, points, next });
const GOOD = {
  id: "appel",
  title: "Un appel",
  block: "gestion-information",
  module: "priorisation-information",
  competencies: ["gi-priorisation"],
  summary: "Une patiente appelle.",
  start: "debut",
  steps: [
    { id: "debut", text: "« Bonjour… »", choices: [choice("ecouter", "suite", 2), choice("couper", "rattrapage", 0)] },
    { id: "rattrapage", text: "Elle insiste.", choices: [choice("reprendre", "suite", 2), choice("raccrocher", "fin-mauvaise", 0)] },
    { id: "suite", text: "Elle précise.", choices: [choice("agir", "fin-bonne", 2), choice("attendre", "fin-mauvaise", 0)] },
    { id: "fin-bonne", text: "Tout se passe bien." },
    { id: "fin-mauvaise", text: "Cela tourne mal." },
  ],
};
const messages = (value: unknown) => situationSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe("the format of interactive situations", () => {
  it("accepts a branching situation", () => {
    expect(messages(GOOD)).toEqual([]);
  });

  it("refuses a step leading nowhere, a step without a right conduct, a single choice", () => {
    const bad = structuredClone(GOOD);
    bad.steps[0]!.choices![1]!.next = "ailleurs";
    bad.steps[2]!.choices = [choice("agir", "fin-bonne", 1), choice("attendre", "fin-mauvaise", 0)];
    bad.steps[1]!.choices = [choice("reprendre", "suite", 2)];
    expect(messages(bad)).toEqual(
      expect.arrayContaining([
        "étape « debut », choix « couper » : étape suivante « ailleurs » inconnue",
        "étape « suite » : aucun choix n'est la bonne conduite (2 points)",
        "étape « rattrapage » : un seul choix (il en faut deux au moins, ou aucun pour une fin)",
      ]),
    );
  });

  it("refuses a loop, an unreachable step and a situation without an ending", () => {
    const loop = structuredClone(GOOD);
    loop.steps[2]!.choices![1]!.next = "debut";
    expect(messages(loop)).toContain("le parcours revient sur une étape déjà passée (boucle)");
    const orphan = structuredClone(GOOD);
    orphan.steps.push({ id: "oubliee", text: "Personne ne vient ici." });
    expect(messages(orphan)).toEqual(["étape « oubliee » inaccessible depuis le départ"]);
  });
});

describe("walking a situation", () => {
  const situation = situationSchema.parse(GOOD);

  it("follows the choices, scores them and ends", () => {
    const start = walk(situation, []);
    expect(start.ok && start.step.id).toBe("debut");
    const best = walk(situation, ["ecouter", "agir"]);
    expect(best).toMatchObject({ ok: true, ended: true, score: 4, maxScore: 4 });
    const recovered = walk(situation, ["couper", "reprendre", "agir"]);
    expect(recovered).toMatchObject({ ok: true, ended: true, score: 4, maxScore: 6 });
    expect(recovered.ok && recovered.history.map((h) => h.choice.feedback)).toEqual(["Retour couper", "Retour reprendre", "Retour agir"]);
  });

  it("refuses a path with a choice the step does not offer", () => {
    expect(walk(situation, ["agir"])).toEqual({ ok: false });
    expect(walk(situation, ["ecouter", "agir", "encore"])).toEqual({ ok: false });
  });

  it("reads the path from the address", () => {
    expect(parsePath("ecouter.agir")).toEqual(["ecouter", "agir"]);
    expect(parsePath(null)).toEqual([]);
    expect(parsePath("..a..")).toEqual(["a"]);
  });
});
