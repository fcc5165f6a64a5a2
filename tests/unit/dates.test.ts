// French dates: the first day of a month is an ordinal.
import { describe, expect, it } from "vitest";
import { firstOfMonth } from "~/utils/typography";

describe("dates", () => {
  it("writes the first day of a month as « 1er »", () => {
    expect(firstOfMonth("1 décembre 2026")).toBe("1er décembre 2026");
    expect(firstOfMonth("1 décembre 2026 à 20:04")).toBe("1er décembre 2026 à 20:04");
    expect(firstOfMonth("11 décembre 2026")).toBe("11 décembre 2026");
    expect(firstOfMonth("21 mars 2027")).toBe("21 mars 2027");
  });
});

describe("Paris days", () => {
  it("puts an instant just after midnight in Paris on the Paris day, in winter and in summer", async () => {
    const { parisDay, formatDateTime, formatDay } = await import("~/utils/dates");
    expect(parisDay("2026-12-01T23:30:00Z")).toBe("2026-12-02");
    expect(parisDay("2026-07-01T22:30:00Z")).toBe("2026-07-02");
    expect(parisDay("2026-07-01T21:30:00Z")).toBe("2026-07-01");
    expect(formatDateTime("2026-12-01T23:30:00Z")).toBe("2 décembre 2026 à 00:30");
    expect(formatDay("2026-11-30T23:05:00Z")).toBe("1er décembre 2026");
    expect(formatDay("2026-12-01")).toBe("1er décembre 2026");
  });

  it("finds the first instant of a Paris day across daylight-saving changes", async () => {
    const { startOfParisDay, nextDay } = await import("~/utils/dates");
    expect(startOfParisDay("2026-12-02")).toBe("2026-12-01T23:00:00.000Z");
    expect(startOfParisDay("2026-07-02")).toBe("2026-07-01T22:00:00.000Z");
    // The clocks go forward on 29 March 2026 at 02:00 and back on 25 October 2026 at 03:00.
    expect(startOfParisDay("2026-03-29")).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfParisDay("2026-03-30")).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfParisDay("2026-10-25")).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfParisDay("2026-10-26")).toBe("2026-10-25T23:00:00.000Z");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
