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
