// Rules for established staff: positioning outcomes and the personal plan, the stratified draw of a
// positioning test, the short update quiz's questions, and certificate renewal.
import { describe, expect, it } from "vitest";
import type { Question, Quiz } from "~/content/module-schema";
import { certificatesToRenew, certificateStatus, renewalOpen, renewalScope, renewedValidUntil } from "~/domain/certification";
import { modulesAcquired, nextPositioningDate, personalPlan, positioningOutcomes } from "~/domain/positioning";
import { pickQuestions } from "~/domain/quiz";
import { updateQuizPool } from "~/domain/updates";

const RULES = { questionsPerCompetency: 3, masteryMark: 100, consolidateMark: 50 };
const answers = (competencyId: string, pattern: string) => [...pattern].map((c) => ({ competencyId, correct: c === "1" }));

describe("positioning outcomes", () => {
  it.each([
    ["111", "maitrisee", 100],
    ["110", "a_consolider", 67],
    ["100", "a_acquerir", 33],
    ["000", "a_acquerir", 0],
  ])("answers %s give %s", (pattern, outcome, percent) => {
    const [o] = positioningOutcomes(["c1"], answers("c1", pattern), RULES);
    expect(o).toEqual({ competencyId: "c1", correct: [...pattern].filter((c) => c === "1").length, total: 3, percent, outcome });
  });

  it("a competency none of whose questions was asked cannot be mastered", () => {
    expect(positioningOutcomes(["c1", "c2"], answers("c1", "111"), RULES).map((o) => o.outcome)).toEqual(["maitrisee", "a_acquerir"]);
  });

  it("follows the marks of the rules file", () => {
    const lenient = { ...RULES, masteryMark: 60, consolidateMark: 30 };
    expect(positioningOutcomes(["c1"], answers("c1", "110"), lenient)[0]!.outcome).toBe("maitrisee");
    expect(positioningOutcomes(["c1"], answers("c1", "100"), lenient)[0]!.outcome).toBe("a_consolider");
  });

  it("validates by test only on enough evidence: the rules' number of questions, of at least minTypes types", () => {
    const strict = { questionsPerCompetency: 5, minTypes: 2, masteryMark: 100, consolidateMark: 50 };
    const typed = (types: string[]) => types.map((type) => ({ competencyId: "c1", correct: true, type }));
    expect(positioningOutcomes(["c1"], typed(["single", "truefalse", "single", "multiple", "single"]), strict)[0]!.outcome).toBe("maitrisee");
    // Perfect, but one type only, or too few questions: not enough to exempt her from the module.
    expect(positioningOutcomes(["c1"], typed(["single", "single", "single", "single", "single"]), strict)[0]!.outcome).toBe("a_consolider");
    expect(positioningOutcomes(["c1"], typed(["single", "truefalse", "multiple"]), strict)[0]!.outcome).toBe("a_consolider");
  });

  it("the test of a block can be taken again only after the rules' waiting time", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(nextPositioningDate(null, 7, now)).toBeNull();
    expect(nextPositioningDate("2026-11-20T10:00:00Z", 7, now)).toBeNull();
    expect(nextPositioningDate("2026-11-30T10:00:00Z", 7, now)?.toISOString()).toBe("2026-12-07T10:00:00.000Z");
    expect(nextPositioningDate("2026-12-02T09:00:00Z", 0, now)).toBeNull();
  });

  it("marks as acquired only the modules all of whose competencies are mastered", () => {
    const outcomes = positioningOutcomes(["c1", "c2"], [...answers("c1", "111"), ...answers("c2", "110")], RULES);
    const modules = [
      { id: "m1", competencies: ["c1"] },
      { id: "m2", competencies: ["c1", "c2"] },
      { id: "m3", competencies: ["c2"] },
      { id: "m4", competencies: [] },
    ];
    expect(modulesAcquired(modules, outcomes)).toEqual(["m1"]);
  });
});

describe("the personal plan", () => {
  const outcomes = positioningOutcomes(["c1", "c2", "c3"], [...answers("c1", "111"), ...answers("c2", "110"), ...answers("c3", "000")], RULES);
  const plan = personalPlan(
    [
      { id: "maitrise", competencies: ["c1"], done: false },
      { id: "partiel", competencies: ["c2"], done: false },
      { id: "inconnu", competencies: ["c3"], done: false },
      { id: "oublie", competencies: ["c3"], done: true },
      { id: "mixte", competencies: ["c1", "c3"], done: false },
    ],
    outcomes,
  );

  it("says for each module whether to follow it, refresh it or skip it, modules to follow first", () => {
    expect(plan.map((p) => [p.id, p.action])).toEqual([
      ["inconnu", "a_suivre"],
      ["mixte", "a_suivre"],
      ["partiel", "a_rafraichir"],
      ["oublie", "a_rafraichir"],
      ["maitrise", "acquis"],
    ]);
  });

  it("explains each line with the score behind it", () => {
    expect(plan.find((p) => p.id === "maitrise")!.reason).toBe("Maîtrisé au test (3 bonne(s) réponse(s) sur 3) : inutile de le suivre.");
    expect(plan.find((p) => p.id === "oublie")!.reason).toMatch(/^Déjà terminé, mais le test montre des oublis \(0 bonne/);
  });
});

const q = (id: string, competency: string): Question => ({
  id,
  competency,
  type: "truefalse",
  answer: true,
  prompt: `Affirmation ${id}.`,
  explanation: "Parce que.",
});

describe("the positioning draw", () => {
  const bank = [...["a1", "a2", "a3", "a4", "a5"].map((id) => q(id, "c1")), ...["b1", "b2", "b3", "b4"].map((id) => q(id, "c2")), q("c1q", "c3")];
  const quiz: Quiz = { passMark: 100, drawCount: 7, drawPerCompetency: 3, questions: bank };

  it("takes the same number of questions from each competency, fewer when the bank has fewer", () => {
    for (let seed = 1; seed <= 20; seed++) {
      let s = seed;
      const random = () => (s = (s * 16807) % 2147483647) / 2147483647;
      const picked = pickQuestions(quiz, random);
      const per = (c: string) => picked.filter((p) => p.competency === c).length;
      expect([per("c1"), per("c2"), per("c3")]).toEqual([3, 3, 1]);
      expect(new Set(picked.map((p) => p.id)).size).toBe(7);
    }
  });

  it("draws each competency's questions in several types when the bank has them, and two draws differ", () => {
    const single = (id: string): Question => ({
      id,
      competency: "c1",
      type: "single",
      prompt: "Question ?",
      explanation: "Parce que.",
      options: [
        { id: "a", text: "Oui", correct: true },
        { id: "b", text: "Non" },
      ],
    });
    const bank: Quiz = { ...quiz, drawPerCompetency: 3, questions: Array.from({ length: 9 }, (_, i) => (i < 2 ? q(`v${i}`, "c1") : single(`v${i}`))) };
    const draws = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      let s = seed;
      const random = () => (s = (s * 16807) % 2147483647) / 2147483647;
      const picked = pickQuestions(bank, random);
      expect(new Set(picked.map((p) => p.type)).size).toBe(2); // single and truefalse in this bank
      draws.add(
        picked
          .map((p) => p.id)
          .sort()
          .join(),
      );
    }
    expect(draws.size).toBeGreaterThan(1);
  });

  it("without drawPerCompetency, draws drawCount questions at random", () => {
    expect(pickQuestions({ ...quiz, drawPerCompetency: undefined, drawCount: 4 })).toHaveLength(4);
  });
});

describe("the update quiz", () => {
  const bank = ["q1", "q2", "q3", "q4"].map((id) => q(id, "c1"));
  const changelog: { version: string; changes: string; questions?: string[] }[] = [
    { version: "1.0.0", changes: "Première version." },
    { version: "1.1.0", changes: "Précision.", questions: ["q1"] },
    { version: "2.0.0", changes: "Nouvelle règle.", questions: ["q3", "q4"] },
  ];

  it("asks the questions tied to the changes since her version", () => {
    expect(updateQuizPool(changelog, "1.1.0", bank).map((x) => x.id)).toEqual(["q3", "q4"]);
    expect(updateQuizPool(changelog, "1.0.0", bank).map((x) => x.id)).toEqual(["q1", "q3", "q4"]);
  });

  it("falls back on the whole bank when the changes name no question", () => {
    expect(updateQuizPool([{ version: "2.0.0" }], "1.0.0", bank)).toHaveLength(4);
    expect(updateQuizPool(changelog, "2.0.0", bank)).toHaveLength(4);
  });
});

describe("renewal", () => {
  const cert = (over: Partial<{ kind: string; blockId: string; validUntil: string; revokedAt: string | null; renewedAt: string | null }> = {}) => ({
    kind: "bloc",
    blockId: "gestion-information",
    validUntil: "2027-01-31",
    revokedAt: null,
    renewedAt: null,
    ...over,
  });

  it("opens 90 days before the end of validity and stays open after it", () => {
    expect(renewalOpen(certificateStatus(cert(), "2026-11-01", 90))).toBe(false);
    expect(renewalOpen(certificateStatus(cert(), "2026-11-02", 90))).toBe(true);
    expect(renewalOpen(certificateStatus(cert(), "2028-06-01", 90))).toBe(true);
    expect(renewalOpen(certificateStatus(cert({ revokedAt: "2026-12-01T00:00:00Z" }), "2027-01-01", 90))).toBe(false);
  });

  it("a renewed certificate says so, whatever its dates", () => {
    expect(certificateStatus(cert({ renewedAt: "2026-12-01T00:00:00Z" }), "2026-12-01", 90)).toBe("renouvele");
  });

  it("covers the ageing competencies, or all of them when none ages", () => {
    expect(renewalScope([{ id: "a" }, { id: "b", validityYears: 3 }])).toEqual(["b"]);
    expect(renewalScope([{ id: "a" }, { id: "c" }])).toEqual(["a", "c"]);
  });

  it("renewing in time loses nothing; renewing late starts from today", () => {
    expect(renewedValidUntil("2027-01-31", "2026-12-01", 3)).toBe("2030-01-31");
    expect(renewedValidUntil("2026-06-30", "2026-12-01", 3)).toBe("2029-12-01");
    expect(renewedValidUntil("2024-02-29", "2024-02-29", 1)).toBe("2025-02-28");
  });

  it("renews the open, current certificates of the scope only", () => {
    const list = [
      cert({ blockId: "gestion-information" }),
      cert({ blockId: "gestion-information", validUntil: "2030-01-01" }), // not yet open
      cert({ blockId: "gestion-information", renewedAt: "2026-01-01" }), // already renewed
      cert({ blockId: "ecosysteme-soins" }),
      cert({ kind: "parcours", blockId: "" }),
      cert({ kind: "complement", blockId: "gestion-information" }),
    ];
    expect(certificatesToRenew(list, "gestion-information", "2026-12-01", 90)).toEqual([list[0]]);
    expect(certificatesToRenew(list, "parcours", "2026-12-01", 90)).toEqual([list[4]]);
    expect(certificatesToRenew(list, "gestion-information", "2026-12-01", 90, "complement")).toEqual([list[5]]);
  });
});
