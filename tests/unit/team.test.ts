// The team table's query string and its CSV export.
import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "~/domain/team";
import { parseTeamQuery } from "~/domain/team-query.server";

describe("team query", () => {
  it("reads filters, sort and page", () => {
    expect(parseTeamQuery(new URLSearchParams("service=svc-1&profil=confirmee&statut=en_retard&tri=retard&ordre=desc&page=3"))).toEqual({
      service: "svc-1",
      profil: "confirmee",
      statut: "en_retard",
      tri: "retard",
      ordre: "desc",
      page: 3,
    });
  });

  it("falls back to defaults on malformed values instead of failing", () => {
    expect(parseTeamQuery(new URLSearchParams("tri=drop+table&ordre=sideways&page=-4&profil=inconnu&statut="))).toEqual({ tri: "nom", ordre: "asc", page: 1 });
  });
});

describe("CSV export", () => {
  it("uses a BOM, semicolons and CRLF, and quotes what needs it", () => {
    const csv = toCsv(["Nom", "Service"], [["Lefèvre; Sophie", 'Cardio "B"'], ["Émilie", null]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toBe('\uFEFFNom;Service\r\n"Lefèvre; Sophie";"Cardio ""B"""\r\nÉmilie;\r\n');
  });

  it("neutralises spreadsheet formulas", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("+33 1 23")).toBe("'+33 1 23");
    expect(csvField(42)).toBe("42");
  });
});
