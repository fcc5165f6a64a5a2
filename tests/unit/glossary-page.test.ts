// The glossary one letter at a time: the letter of a link, the page of a letter, the search across
// letters and the query string (app/domain/glossary.ts, app/domain/glossary-query.server.ts).
import { describe, expect, it } from "vitest";
import type { GlossaryEntry } from "~/content/glossary";
import { GLOSSARY_SEARCH_LIMIT, glossaryHref, glossaryPage, letterFromParam, letterLabel, letterParam, searchGlossary } from "~/domain/glossary";
import { parseGlossaryQuery } from "~/domain/glossary-query.server";

const entry = (id: string, term: string, more: Partial<GlossaryEntry> = {}): GlossaryEntry => ({ id, term, category: "examen", definition: "Une définition.", specialties: [], aliases: [], ...more }) as GlossaryEntry;

const ENTRIES = [
  entry("oesophage", "Œsophage", { definition: "Conduit qui relie la bouche à l'estomac." }),
  entry("oreille", "Oreille"),
  entry("pacemaker", "Stimulateur cardiaque", { aliases: ["pacemaker"], definition: "Boîtier qui règle le rythme du cœur." }),
  entry("echographie", "Échographie", { definition: "Imagerie par ultrasons, sans rayons X." }),
  entry("ecg", "ECG", { expansion: "Électrocardiogramme", definition: "Enregistrement de l'activité électrique du cœur." }),
  entry("suffixe-algie", "-algie", { definition: "Douleur." }),
  entry("numero-15", "15", { definition: "Le SAMU." }),
];

describe("glossaryHref", () => {
  it("links to the entry's letter page and anchor, the letter taken from the term", () => {
    expect(glossaryHref({ id: "oesophage", term: "Œsophage" })).toBe("/glossaire?lettre=O#oesophage");
    expect(glossaryHref({ id: "pacemaker", term: "Stimulateur cardiaque" })).toBe("/glossaire?lettre=S#pacemaker");
    expect(glossaryHref({ id: "suffixe-algie", term: "-algie" })).toBe("/glossaire?lettre=A#suffixe-algie");
    expect(glossaryHref({ id: "numero-15", term: "15" })).toBe("/glossaire?lettre=0-9#numero-15");
  });

  it("uses letters that ?lettre= reads back", () => {
    expect(letterFromParam("o")).toBe("O");
    expect(letterFromParam("0-9")).toBe("#");
    expect(letterFromParam(letterParam("#"))).toBe("#");
    expect(letterFromParam("Œ")).toBeNull();
    expect(letterFromParam("AB")).toBeNull();
    expect(letterLabel("#")).toBe("0–9");
  });
});

describe("glossaryPage", () => {
  it("shows one letter, with the count of every letter", () => {
    const page = glossaryPage(ENTRIES, { letter: "O" });
    expect(page.letter).toBe("O");
    expect(page.groups.map((g) => [g.letter, g.entries.map((e) => e.id)])).toEqual([["O", ["oesophage", "oreille"]]]);
    const counts = Object.fromEntries(page.letters.map((l) => [l.letter, l.count]));
    expect(counts).toMatchObject({ "#": 1, A: 1, E: 2, O: 2, S: 1, B: 0 });
    expect(page.letters).toHaveLength(27);
    expect(page.matches).toBeNull();
  });

  it("opens on the first letter that has entries, A to Z before 0–9, or on A", () => {
    expect(glossaryPage(ENTRIES, {}).letter).toBe("A");
    expect(glossaryPage(ENTRIES.filter((e) => e.id !== "suffixe-algie"), {}).letter).toBe("E");
    expect(glossaryPage([entry("numero-15", "15")], {}).letter).toBe("#");
    expect(glossaryPage([], {}).letter).toBe("A");
  });

  it("keeps a letter without entries, with nothing to show", () => {
    const page = glossaryPage(ENTRIES, { letter: "W" });
    expect(page.letter).toBe("W");
    expect(page.groups).toEqual([]);
  });

  it("searches every letter, accents and œ folded, and narrows to a letter when asked", () => {
    const page = glossaryPage(ENTRIES, { query: "coeur" });
    expect(page.letter).toBeNull();
    expect(page.matches).toBe(2);
    expect(page.groups.map((g) => [g.letter, g.entries.map((e) => e.id)])).toEqual([
      ["E", ["ecg"]],
      ["S", ["pacemaker"]],
    ]);
    expect(Object.fromEntries(page.letters.filter((l) => l.count).map((l) => [l.letter, l.count]))).toEqual({ E: 1, S: 1 });
    const narrowed = glossaryPage(ENTRIES, { query: "coeur", letter: "S" });
    expect(narrowed.groups.flatMap((g) => g.entries.map((e) => e.id))).toEqual(["pacemaker"]);
    expect(narrowed.matches).toBe(2);
  });

  it("caps a search across letters, those found by name first", () => {
    const many = Array.from({ length: GLOSSARY_SEARCH_LIMIT + 5 }, (_, i) => entry(`t${i}`, `Terme ${String(i).padStart(3, "0")}`, { definition: "Un examen." }));
    const named = entry("zz-examen", "Zz examen");
    const page = glossaryPage([...many, named], { query: "examen" });
    expect(page.matches).toBe(GLOSSARY_SEARCH_LIMIT + 6);
    expect(page.truncated).toBe(true);
    const shown = page.groups.flatMap((g) => g.entries.map((e) => e.id));
    expect(shown).toHaveLength(GLOSSARY_SEARCH_LIMIT);
    expect(shown).toContain("zz-examen");
  });
});

describe("searchGlossary", () => {
  it("needs every word, in the term, expansion, aliases, definition or example", () => {
    expect(searchGlossary(ENTRIES, "electrique coeur").map((e) => e.id)).toEqual(["ecg"]);
    expect(searchGlossary(ENTRIES, "pacemaker").map((e) => e.id)).toEqual(["pacemaker"]);
    expect(searchGlossary(ENTRIES, "ŒSOPHAGE").map((e) => e.id)).toEqual(["oesophage"]);
    expect(searchGlossary(ENTRIES, "  ")).toEqual([]);
  });
});

describe("the glossary's query string", () => {
  it("reads the letter, the search and the filters, and ignores what it does not know", () => {
    expect(parseGlossaryQuery(new URLSearchParams("lettre=o&q=%20coeur%20&categorie=examen&specialite=cardiologie"))).toEqual({ lettre: "O", q: "coeur", categorie: "examen", specialite: "cardiologie" });
    expect(parseGlossaryQuery(new URLSearchParams("lettre=0-9"))).toEqual({ lettre: "#" });
    expect(parseGlossaryQuery(new URLSearchParams("lettre=zz&q=&categorie=inconnue&specialite=&terme=Pas%20un%20id"))).toEqual({});
    expect(parseGlossaryQuery(new URLSearchParams(`q=${"x".repeat(101)}`))).toEqual({});
    expect(parseGlossaryQuery(new URLSearchParams("terme=oesophage"))).toEqual({ terme: "oesophage" });
  });
});
