import { describe, expect, it } from "vitest";
import { plainText, queryTokens, snippetParts, toFtsQuery } from "~/domain/search";
import { filterEntries, groupByInitial, initialOf } from "~/domain/glossary";

describe("search queries", () => {
  it("turns words into quoted prefix terms joined by AND, dropping stop words", () => {
    expect(toFtsQuery("L'échographie du cœur")).toBe('"échographie"* AND "cœur"*');
    expect(toFtsQuery("INS qualifiée", "any")).toBe('"ins"* OR "qualifiée"*');
  });
  it("neutralises FTS syntax typed by a person", () => {
    expect(toFtsQuery('"DMP" OR NEAR(x*) -secret')).toBe('"dmp"* AND "or"* AND "near"* AND "x"* AND "secret"*');
  });
  it("returns null for an empty or punctuation-only query, keeps stop words when nothing else is left", () => {
    expect(toFtsQuery("   ")).toBeNull();
    expect(toFtsQuery("?!…")).toBeNull();
    expect(queryTokens("de la")).toEqual(["de", "la"]);
  });
  it("caps absurdly long queries", () => {
    expect(queryTokens("mot ".repeat(500)).length).toBeLessThanOrEqual(8);
  });
  it("splits highlighted snippets without HTML", () => {
    expect(snippetParts("avant \u0001écho\u0002 après <b>")).toEqual([
      { text: "avant ", mark: false },
      { text: "écho", mark: true },
      { text: " après <b>", mark: false },
    ]);
  });
  it("extracts plain text from MDX", () => {
    expect(plainText('## Titre\n\n<Callout type="info">Un **mot** [lien](/x)</Callout>\n\n| a | b |\n|---|---|')).toBe("Titre Un mot lien a b");
  });
});

describe("glossary ordering", () => {
  const e = (term: string, category = "examen", specialties: string[] = []) => ({ id: term, term, category, definition: "d", specialties, aliases: [] }) as never;
  it("files terms under their first letter, ignoring accents and leading dashes", () => {
    expect(initialOf("Échographie")).toBe("E");
    expect(initialOf("-ectomie")).toBe("E");
    expect(initialOf("cardi(o)-")).toBe("C");
  });
  it("sorts in French order and groups by letter", () => {
    const groups = groupByInitial([e("Électrocardiogramme"), e("ECG"), e("Anévrisme"), e("-algie")]);
    expect(groups.map((g) => [g.letter, g.entries.map((x) => x.term)])).toEqual([
      ["A", ["-algie", "Anévrisme"]],
      ["E", ["ECG", "Électrocardiogramme"]],
    ]);
  });
  it("filters by category and specialty", () => {
    const list = [e("A", "examen", ["cardiologie"]), e("B", "anatomie", ["cardiologie"]), e("C", "examen", [])];
    expect(filterEntries(list, { category: "examen" }).map((x) => x.term)).toEqual(["A", "C"]);
    expect(filterEntries(list, { category: "examen", specialty: "cardiologie" }).map((x) => x.term)).toEqual(["A"]);
  });
});
