import { describe, expect, it } from "vitest";
import {
  correctionText,
  correctTokens,
  createVocabulary,
  displayForms,
  editDistance,
  fold,
  groupByKind,
  groupCount,
  matchExpression,
  maxTypos,
  plainText,
  queryTokens,
  snippetParts,
  toFtsQuery,
  totalCount,
  typedWords,
  words,
} from "~/domain/search";
import { filterEntries, groupByInitial, initialOf } from "~/domain/glossary";

describe("folding, the same for the index and the queries", () => {
  it("folds œ and æ into two letters, and drops case and accents", () => {
    expect(fold("Cœur")).toBe("coeur");
    expect(fold("ŒSOPHAGE")).toBe("oesophage");
    expect(fold("sœur")).toBe("soeur");
    expect(fold("Ex æquo, CÆCUM")).toBe("ex aequo, caecum");
    expect(fold("Échographie, naïf, ça, Noël")).toBe("echographie, naif, ca, noel");
    expect(fold("e\u0301cho")).toBe("echo"); // decomposed accents too
  });
  it("gives what the person types and what the content says the same form", () => {
    const pairs: [string, string][] = [
      ["cœur", "coeur"],
      ["œsophage", "oesophage"],
      ["sœur", "soeur"],
      ["électrocardiogramme", "ELECTROCARDIOGRAMME"],
    ];
    for (const [written, typed] of pairs) expect(fold(written)).toBe(fold(typed));
  });
  it("keeps the words of a text and their order, so highlights found in the folded text fit the original", () => {
    const text = "L'œsophage (½ cœur) – Jean-Noël, 2ᵉ étage : « ÆQUO » e\u0301cho… 15 h 30 ⚠️ ok";
    expect(words(fold(text))).toEqual(words(text).map(fold));
    expect(words(text)).toEqual(["L", "œsophage", "½", "cœur", "Jean", "Noël", "2ᵉ", "étage", "ÆQUO", "e\u0301cho", "15", "h", "30", "ok"]);
  });
});

describe("search queries", () => {
  it("turns folded words into quoted prefix terms joined by AND, dropping stop words", () => {
    expect(toFtsQuery("L'échographie du cœur")).toBe('"echographie"* AND "coeur"*');
    expect(toFtsQuery("INS qualifiée", "any")).toBe('"ins"* OR "qualifiee"*');
    expect(toFtsQuery("Rendez-vous à l'accueil")).toBe('"rendez"* AND "accueil"*');
    expect(matchExpression([], "all")).toBeNull();
  });
  it("finds « cœur » whether she types coeur, Cœur or CŒUR", () => {
    expect(new Set(["coeur", "Cœur", "CŒUR", "cœur"].map((q) => toFtsQuery(q)))).toEqual(new Set(['"coeur"*']));
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
    expect(plainText('## Titre\n\n<Encadre type="info">Un **mot** [lien](/x)</Encadre>\n\n| a | b |\n|---|---|')).toBe("Titre Un mot lien a b");
  });
});

describe("typo tolerance", () => {
  it("measures typos, a swap of two letters being one", () => {
    expect(editDistance("identitovigilence", "identitovigilance", 2)).toBe(1);
    expect(editDistance("holtre", "holter", 1)).toBe(1);
    expect(editDistance("radiografie", "radiographie", 2)).toBe(2);
    expect(editDistance("dialyse", "dialyse", 1)).toBe(0);
    expect(editDistance("", "abc", 5)).toBe(3);
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
  });
  it("agrees with the full computation on many pairs of words", () => {
    // Optimal string alignment over the whole table, without band or early exit.
    const full = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      return d[a.length]![b.length]!;
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => Array.from({ length: Math.floor(random() * 8) }, () => "abc"[Math.floor(random() * 3)]).join("");
    for (let k = 0; k < 2000; k++) {
      const [a, b, max] = [word(), word(), Math.floor(random() * 4)];
      expect(editDistance(a, b, max), `${a} / ${b} / ${max}`).toBe(Math.min(full(a, b), max + 1));
    }
  });
  it("stops as soon as the distance exceeds the limit", () => {
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
    expect(editDistance("coloscopie", "zzzzzzzzzz", 1)).toBe(2);
  });
  it("allows no typo under 4 letters or in a number, 1 up to 7 letters, 2 beyond", () => {
    expect(["irm", "dmp", "2024", "j15a"].map(maxTypos)).toEqual([0, 0, 0, 0]);
    expect(["holter", "dialise", "oeil"].map(maxTypos)).toEqual([1, 1, 1]);
    expect(["identitovigilence", "radiografie"].map(maxTypos)).toEqual([2, 2]);
  });

  const vocabulary = createVocabulary([
    { term: "identitovigilance", docs: 11, display: "identitovigilance" },
    { term: "identite", docs: 30, display: "identité" },
    { term: "dialyse", docs: 9, display: "dialyse" },
    { term: "analyse", docs: 40, display: "analyse" },
    { term: "holter", docs: 4, display: "holter" },
    { term: "hotel", docs: 1, display: "hôtel" },
    { term: "electrocardiogramme", docs: 4, display: "électrocardiogramme" },
    { term: "irm", docs: 12, display: "irm" },
    { term: "pose", docs: 2, display: "pose" },
    { term: "rose", docs: 5, display: "rose" },
    { term: "ide1", docs: 50, display: "ide1" },
  ]);
  it("knows a word when an indexed word starts with it", () => {
    expect(vocabulary.knows("identitovigilance")).toBe(true);
    expect(vocabulary.knows("echo")).toBe(false);
    expect(vocabulary.knows("electro")).toBe(true);
    expect(vocabulary.knows("identitovigilencee")).toBe(false);
    expect(createVocabulary([]).knows("a")).toBe(false);
  });
  it("finds the closest indexed word within the typos allowed, the most frequent on a tie", () => {
    expect(vocabulary.closest("identitovigilence")?.term).toBe("identitovigilance");
    expect(vocabulary.closest("dialise")?.term).toBe("dialyse");
    expect(vocabulary.closest("holtre")?.term).toBe("holter");
    expect(vocabulary.closest("electrocardiograme")?.display).toBe("électrocardiogramme");
    expect(vocabulary.closest("fose")?.term).toBe("rose"); // pose and rose are both one typo away
    expect(vocabulary.closest("irn")).toBeNull(); // too short to guess
    expect(vocabulary.closest("hlotre")).toBeNull(); // two typos in six letters (holter)
    expect(vocabulary.closest("zzzzinconnu")).toBeNull();
    expect(vocabulary.closest("idea")).toBeNull(); // never into a word holding a digit
    expect(vocabulary.knows("ide1")).toBe(true);
  });
  it("corrects only the words that match nothing, and quotes them as typed", () => {
    const input = "Dossier IDENTITOVIGILENCE holter";
    const result = correctTokens(queryTokens(input), vocabulary, typedWords(input));
    expect(result.tokens).toEqual(["dossier", "identitovigilance", "holter"]);
    expect(result.corrections).toEqual([{ from: "IDENTITOVIGILENCE", to: "identitovigilance" }]);
    expect(correctTokens(["identit", "hol"], vocabulary)).toEqual({ tokens: ["identit", "hol"], corrections: [] });
  });
  it("keeps the usual spelling of each indexed word, for the correction shown", () => {
    const forms = displayForms(["L'Électrocardiogramme", "un électrocardiogramme", "électrocardiogramme", "Cœur"]);
    expect(forms.get("electrocardiogramme")).toBe("électrocardiogramme");
    expect(forms.get("coeur")).toBe("cœur");
  });
});

describe("search results", () => {
  it("groups results by kind, modules first, keeping the ranking inside each group", () => {
    const rows = [
      { kind: "terme" as const, ref: "t1" },
      { kind: "fiche" as const, ref: "f1" },
      { kind: "module" as const, ref: "m1" },
      { kind: "terme" as const, ref: "t2" },
      { kind: "module" as const, ref: "m2" },
    ];
    expect(groupByKind(rows).map((g) => [g.kind, g.items.map((r) => r.ref)])).toEqual([
      ["module", ["m1", "m2"]],
      ["fiche", ["f1"]],
      ["terme", ["t1", "t2"]],
    ]);
    expect(groupByKind(rows.filter((r) => r.kind === "terme")).map((g) => g.kind)).toEqual(["terme"]);
  });
  it("counts honestly, in French", () => {
    expect(totalCount(1)).toBe("1\u00a0résultat");
    expect(totalCount(50)).toBe("50\u00a0résultats");
    expect(groupCount(3, 3)).toBe("3\u00a0résultats");
    expect(groupCount(1, 1)).toBe("1\u00a0résultat");
    expect(groupCount(10, 22)).toBe("10\u00a0premiers sur 22");
  });
  it("says which words were corrected", () => {
    expect(correctionText([{ from: "identitovigilence", to: "identitovigilance" }])).toBe(
      "«\u00a0identitovigilence\u00a0» ne figure dans aucun contenu\u00a0: résultats pour le mot le plus proche, «\u00a0identitovigilance\u00a0».",
    );
    expect(
      correctionText([
        { from: "dialise", to: "dialyse" },
        { from: "holtre", to: "holter" },
      ]),
    ).toBe(
      "«\u00a0dialise\u00a0» et «\u00a0holtre\u00a0» ne figurent dans aucun contenu\u00a0: résultats pour les mots les plus proches, «\u00a0dialyse\u00a0» et «\u00a0holter\u00a0».",
    );
  });
});

describe("glossary ordering", () => {
  const e = (term: string, category = "examen", specialties: string[] = []) =>
    ({ id: term, term, category, definition: "d", specialties, aliases: [] }) as never;
  it("files terms under their first letter, ignoring accents and leading dashes", () => {
    expect(initialOf("Échographie")).toBe("E");
    expect(initialOf("-ectomie")).toBe("E");
    expect(initialOf("cardi(o)-")).toBe("C");
  });
  it("files Œ and Æ under O and A, as search folds them", () => {
    expect(initialOf("Œsophage")).toBe("O");
    expect(initialOf("œil")).toBe("O");
    expect(initialOf("Æquo")).toBe("A");
    expect(initialOf("« 15 »")).toBe("#");
    const groups = groupByInitial([e("Œsophage"), e("Oreille"), e("Odontologie"), e("Œil")]);
    expect(groups.map((g) => [g.letter, g.entries.map((x) => x.term)])).toEqual([["O", ["Odontologie", "Œil", "Œsophage", "Oreille"]]]);
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
