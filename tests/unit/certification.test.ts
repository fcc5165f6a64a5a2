// The certifying pathway's rules, table-driven, with their explanations.
import { describe, expect, it } from "vitest";
import { evaluateBlock, evaluatePathway, observationStatus, quizStatus, type BlockRule, type Evidence } from "~/domain/certification";

const RULES = { quizPassMark: 80, quizMinQuestions: 3, blockAssessmentPassMark: 80 };
const both = { assessment: "both" as const, observations: 2 };
const quiz = { assessment: "quiz" as const };
const obs = { assessment: "observation" as const, observations: 1 };
const BLOCK: BlockRule = {
  id: "b1",
  number: 1,
  title: "Bloc un",
  competencies: [
    { id: "c1", title: "Accueillir", levels: { generales: quiz, operationnelles: both, approfondies: obs } },
    { id: "c2", title: "Rédiger", levels: { generales: quiz, operationnelles: quiz, approfondies: obs } },
  ],
};
const empty = (): Evidence => ({ answers: [], validations: [], blockAssessments: [] });
const answers = (competencyId: string, results: boolean[], at = "2026-11-01") =>
  results.map((correct, i) => ({ questionId: `${competencyId}-q${i}`, competencyId, correct, at }));

describe("quiz evidence", () => {
  it.each([
    ["no answer", [], { answered: 0, met: false }],
    ["two answers only (3 needed)", [true, true], { answered: 2, met: false }],
    ["4 of 5 correct (80 %)", [true, true, true, true, false], { answered: 5, percent: 80, met: true }],
    ["3 of 5 correct (60 %)", [true, true, true, false, false], { answered: 5, percent: 60, met: false }],
  ])("%s", (_label, results, expected) => {
    expect(quizStatus({ ...empty(), answers: answers("c1", results) }, "c1", RULES)).toMatchObject(expected);
  });

  it("counts the latest answer to each question: a retake that gets it right replaces the old mistake", () => {
    const ev = { ...empty(), answers: [...answers("c1", [false, false, false], "2026-11-01"), ...answers("c1", [true, true, true], "2026-11-05")] };
    expect(quizStatus(ev, "c1", RULES)).toMatchObject({ answered: 3, correct: 3, met: true });
  });
});

describe("observation evidence", () => {
  it.each([
    [
      "two days at the level",
      [
        ["operationnelles", "2026-11-01", null],
        ["operationnelles", "2026-11-02", null],
      ],
      2,
      true,
    ],
    [
      "twice the same day counts once",
      [
        ["operationnelles", "2026-11-01", null],
        ["operationnelles", "2026-11-01", null],
      ],
      1,
      false,
    ],
    [
      "a higher level counts for a lower one",
      [
        ["approfondies", "2026-11-01", null],
        ["operationnelles", "2026-11-03", null],
      ],
      2,
      true,
    ],
    [
      "a lower level does not count",
      [
        ["generales", "2026-11-01", null],
        ["operationnelles", "2026-11-03", null],
      ],
      1,
      false,
    ],
    [
      "a validation later corrected no longer counts",
      [
        ["operationnelles", "2026-11-01", "2026-11-04"],
        ["operationnelles", "2026-11-03", null],
      ],
      1,
      false,
    ],
  ] as const)("%s", (_label, list, observed, met) => {
    const ev = { ...empty(), validations: list.map(([level, observedOn, supersededAt]) => ({ competencyId: "c1", level, observedOn, supersededAt })) };
    expect(observationStatus(ev, "c1", "operationnelles", 2)).toEqual({ required: 2, observed, met });
  });
});

describe("a block", () => {
  const allQuizzes = [...answers("c1", [true, true, true]), ...answers("c2", [true, true, true, true])];
  const twoObservations = [
    { competencyId: "c1", level: "operationnelles" as const, observedOn: "2026-11-02", supersededAt: null },
    { competencyId: "c1", level: "operationnelles" as const, observedOn: "2026-11-09", supersededAt: null },
  ];

  it.each([
    ["nothing yet", empty(), null, /répondre aux questions de quiz sur « Accueillir »/],
    ["quizzes passed, no block assessment", { ...empty(), answers: allQuizzes }, null, /réussir l'évaluation du bloc 1/],
    [
      "quizzes and assessment: level générales",
      { ...empty(), answers: allQuizzes, blockAssessments: [{ blockId: "b1", score: 85, at: "x" }] },
      "generales",
      /valider « Accueillir » en situation de travail avec votre tuteur \(niveau opérationnelles, encore 2 observations/,
    ],
    [
      "an assessment below the pass mark",
      { ...empty(), answers: allQuizzes, blockAssessments: [{ blockId: "b1", score: 75, at: "x" }] },
      null,
      /réussir l'évaluation du bloc 1 \(80 % attendus\)/,
    ],
    [
      "plus two observations: level opérationnelles",
      { answers: allQuizzes, validations: twoObservations, blockAssessments: [{ blockId: "b1", score: 90, at: "x" }] },
      "operationnelles",
      /valider « Accueillir » en situation de travail avec votre tuteur \(niveau approfondies\)/,
    ],
    [
      "one of the two observations corrected away: back to générales",
      {
        answers: allQuizzes,
        validations: [{ ...twoObservations[0]!, supersededAt: "2026-11-10" }, twoObservations[1]!],
        blockAssessments: [{ blockId: "b1", score: 90, at: "x" }],
      },
      "generales",
      /encore 1|niveau opérationnelles/,
    ],
  ])("%s", (_label, evidence, level, nextAction) => {
    const result = evaluateBlock(BLOCK, evidence, RULES);
    expect(result.validatedLevel).toBe(level);
    expect(result.nextActions.join(" | ")).toMatch(nextAction);
  });

  it("levels are cumulative: observations at the top level do not validate it without the levels below", () => {
    const ev: Evidence = {
      answers: [],
      validations: ["c1", "c2"].map((competencyId) => ({ competencyId, level: "approfondies" as const, observedOn: "2026-11-01", supersededAt: null })),
      blockAssessments: [{ blockId: "b1", score: 100, at: "x" }],
    };
    const result = evaluateBlock(BLOCK, ev, RULES);
    expect(result.levels.find((l) => l.level === "approfondies")!.competenciesMet).toBe(true);
    expect(result.validatedLevel).toBeNull();
  });
});

describe("the pathway", () => {
  it("is validated at the lowest level reached by its blocks, and explains what remains otherwise", () => {
    const other: BlockRule = {
      ...BLOCK,
      id: "b2",
      number: 2,
      title: "Bloc deux",
      competencies: [{ id: "c3", title: "Coordonner", levels: { generales: quiz, operationnelles: quiz, approfondies: obs } }],
    };
    const base = {
      answers: [...answers("c1", [true, true, true]), ...answers("c2", [true, true, true]), ...answers("c3", [true, true, true])],
      validations: [],
    };
    const partial = evaluatePathway([BLOCK, other], { ...base, blockAssessments: [{ blockId: "b1", score: 90, at: "x" }] }, RULES);
    expect(partial.validated).toBe(false);
    expect(partial.summary).toMatch(/^Il vous reste : .*réussir l'évaluation du bloc 2/);
    const done = evaluatePathway(
      [BLOCK, other],
      {
        ...base,
        blockAssessments: [
          { blockId: "b1", score: 90, at: "x" },
          { blockId: "b2", score: 80, at: "x" },
        ],
      },
      RULES,
    );
    expect(done.validated).toBe(true);
    expect(done.level).toBe("generales");
    expect(done.summary).toBe("Parcours validé au niveau des connaissances générales.");
  });
});

describe("the rules file", () => {
  it("the real content/certification.yaml is valid, and an impossible pass mark is refused", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const { parse } = await import("yaml");
    const { certificationRulesSchema } = await import("~/content/integration-path");
    const { ROOT } = await import("../helpers/paths");
    const data = parse(fs.readFileSync(path.join(ROOT, "content", "certification.yaml"), "utf8"));
    expect(certificationRulesSchema.safeParse(data).success).toBe(true);
    expect(certificationRulesSchema.safeParse({ ...data, quiz: { ...data.quiz, passMark: 120 } }).success).toBe(false);
    expect(certificationRulesSchema.safeParse({ ...data, unknown: 1 }).success).toBe(false);
  });
});

describe("certificates", async () => {
  const { certificatesToIssue, certificateStatus, validUntilFrom } = await import("~/domain/certification");
  const other: BlockRule = {
    ...BLOCK,
    id: "b2",
    number: 2,
    title: "Bloc deux",
    competencies: [{ id: "c3", title: "Coordonner", levels: { generales: quiz, operationnelles: quiz, approfondies: obs } }],
  };
  const full: Evidence = {
    answers: [...answers("c1", [true, true, true]), ...answers("c2", [true, true, true]), ...answers("c3", [true, true, true])],
    validations: [],
    blockAssessments: [
      { blockId: "b1", score: 90, at: "x" },
      { blockId: "b2", score: 90, at: "x" },
    ],
  };

  it("asks for one certificate per validated block level and pathway level, once", () => {
    const result = evaluatePathway([BLOCK, other], full, RULES);
    const first = certificatesToIssue(result, []);
    expect(first).toEqual([
      { kind: "bloc", blockId: "b1", level: "generales" },
      { kind: "bloc", blockId: "b2", level: "generales" },
      { kind: "bloc", blockId: "b2", level: "operationnelles" },
      { kind: "parcours", blockId: "", level: "generales" },
    ]);
    expect(certificatesToIssue(result, first)).toEqual([]);
  });

  it.each([
    ["2026-11-22", 3, "2029-11-22"],
    ["2028-02-29", 1, "2029-02-28"],
  ])("valid from %s for %i years until %s", (from, years, until) => {
    expect(validUntilFrom(from, years)).toBe(until);
  });

  it.each([
    [{ validUntil: "2029-11-22", revokedAt: null }, "2026-11-22", "valide"],
    [{ validUntil: "2029-11-22", revokedAt: null }, "2029-08-24", "a_actualiser"],
    [{ validUntil: "2029-11-22", revokedAt: null }, "2029-08-23", "valide"],
    [{ validUntil: "2029-11-22", revokedAt: null }, "2029-11-23", "expire"],
    [{ validUntil: "2029-11-22", revokedAt: "2027-01-01" }, "2026-11-22", "revoque"],
  ])("%o on %s is %s", (cert, today, status) => {
    expect(certificateStatus(cert, today, 90)).toBe(status);
  });
});

describe("a certificate she holds counts on every screen", () => {
  it("validates its level and those below it, with nothing « missing », but issues no block certificate by itself", async () => {
    const { certificatesToIssue } = await import("~/domain/certification");
    const block = evaluateBlock(BLOCK, empty(), RULES, "operationnelles");
    expect(block.levels.map((l) => [l.level, l.validated, l.certified, l.byEvidence])).toEqual([
      ["generales", true, true, false],
      ["operationnelles", true, true, false],
      ["approfondies", false, false, false],
    ]);
    expect(block.validatedLevel).toBe("operationnelles");
    expect(block.levels[0]!.missing).toEqual([]);
    expect(block.nextActions.length).toBeGreaterThan(0); // the next level still says what to do
    const pathway = evaluatePathway([BLOCK], empty(), RULES, new Map([["b1", "generales" as const]]));
    expect(pathway.validated).toBe(true);
    expect(certificatesToIssue(pathway, [])).toEqual([{ kind: "parcours", blockId: "", level: "generales" }]);
  });

  it("without a certificate, the same empty evidence validates nothing", () => {
    expect(evaluateBlock(BLOCK, empty(), RULES).validatedLevel).toBeNull();
    expect(evaluatePathway([BLOCK], empty(), RULES).validated).toBe(false);
  });
});
