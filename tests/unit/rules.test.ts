import { describe, expect, it } from "vitest";
import { bestOf, moduleState, nextStatus, summarize } from "~/domain/progress";
import { EnvError, parseEnv } from "~/utils/env.server";
import { frenchTypography } from "~/utils/typography";
import { safeRedirect } from "~/utils/auth.server";

describe("module progress rules", () => {
  it.each([
    [undefined, "open", "en_cours"],
    [undefined, "read", "lu"],
    ["en_cours", "read", "lu"],
    ["lu", "quiz_failed", "lu"],
    ["lu", "quiz_passed", "termine"],
    ["termine", "quiz_failed", "termine"],
    ["termine", "read", "termine"],
  ] as const)("from %s, %s gives %s", (current, event, expected) => {
    expect(nextStatus(current, event)).toBe(expected);
  });
  it("keeps the best score", () => {
    expect(bestOf(null, 40)).toBe(40);
    expect(bestOf(90, 40)).toBe(90);
    expect(bestOf(40, 90)).toBe(90);
  });
  it("summarises progress over the catalogue only", () => {
    const rows = [
      { moduleId: "a", status: "termine" as const, bestScore: 100, attemptsCount: 1 },
      { moduleId: "b", status: "lu" as const, bestScore: null, attemptsCount: 0 },
      { moduleId: "retire", status: "termine" as const, bestScore: 90, attemptsCount: 1 },
    ];
    expect(summarize(["a", "b", "c"], rows)).toEqual({ total: 3, done: 1, started: 2, percent: 33 });
    expect(moduleState(undefined)).toBe("non_commence");
  });
});

describe("environment", () => {
  it("applies defaults", () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATABASE_URL: "file:./data/pivot.db" });
  });
  it("names every bad variable in French", () => {
    try {
      parseEnv({ PORT: "abc", DATABASE_URL: "postgres://x", SESSION_SECRET: "court" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL : doit commencer par file:/);
      expect(message).toMatch(/SESSION_SECRET : doit contenir au moins 32 caractères/);
    }
  });
});

describe("French typography", () => {
  it("puts non-breaking spaces where French wants them", () => {
    expect(frenchTypography("Attention : « oui » ? Non ! 80 %")).toBe("Attention\u00a0: «\u00a0oui\u00a0»\u202f? Non\u202f! 80\u00a0%");
  });
  it("leaves URLs and times alone", () => {
    expect(frenchTypography("https://exemple.fr à 14:30")).toBe("https://exemple.fr à 14:30");
  });
});

describe("safeRedirect", () => {
  it.each([
    ["/modules/x", "/modules/x"],
    ["//evil.example", "/"],
    ["https://evil.example", "/"],
    ["/\\evil", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});
