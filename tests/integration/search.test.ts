import { describe, expect, it } from "vitest";
import { writeSearchIndex, type SearchDocument } from "~/content/search-index.server";
import { openSearchIndex, search } from "~/models/search.server";
import { loader as searchLoader } from "~/routes/recherche";
import { request, run, signIn } from "../helpers/requests";
import { tempDirs } from "../helpers/tmp";

const refs = (outcome: { results: { ref: string }[] }) => outcome.results.map((r) => r.ref);

describe("full-text search over the compiled content", () => {
  it("is accent- and case-insensitive and matches prefixes", async () => {
    const { groups } = await search("ECHOCARDIO");
    expect(groups[0]).toMatchObject({ kind: "terme", results: [{ ref: "echocardiographie", url: "/glossaire?lettre=E#echocardiographie" }] });
    expect(refs(await search("coronaro"))).toContain("coronarographie");
  });

  it("finds « cœur » when she types coeur, and highlights the word as the content writes it", async () => {
    const typed = await search("coeur");
    expect(refs(typed)).toEqual(expect.arrayContaining(["cardiologie", "ecg", "echocardiographie", "insuffisance-cardiaque"]));
    for (const q of ["cœur", "CŒUR", "Coeur"]) expect(refs(await search(q))).toEqual(refs(typed));
    const ecg = typed.results.find((r) => r.ref === "ecg")!;
    expect(ecg.snippet).toBe("Enregistrement de l'activité électrique du \u0001cœur\u0002.");
  });

  it("groups the results by kind, modules first, each group ranked, with honest counts", async () => {
    const all = await search("d", { perKind: 100 });
    expect(all.groups.map((g) => g.kind)).toEqual(["module", "fiche", "terme"]);
    for (const g of all.groups) expect(g.results).toHaveLength(g.total);
    expect(all.total).toBe(all.results.length);

    const cut = await search("d", { perKind: 2 });
    expect(cut.groups.map((g) => [g.kind, g.results.length, g.total])).toEqual(all.groups.map((g) => [g.kind, Math.min(2, g.total), g.total]));
    expect(cut.total).toBe(all.total);
    // Each group keeps its best documents: the cut list is the head of the full one.
    for (const [i, g] of cut.groups.entries()) expect(refs(g)).toEqual(refs(all.groups[i]!).slice(0, g.results.length));
    expect(cut.results.map((r) => r.kind)).toEqual(cut.groups.flatMap((g) => g.results.map(() => g.kind)));
  });

  it("ranks a title match above a body match and tells the kind of each result", async () => {
    const { groups } = await search("cardiologie");
    expect(groups.find((g) => g.kind === "fiche")!.results[0]).toMatchObject({ kind: "fiche", ref: "cardiologie" });
    const kinds = new Set((await search("paragraphe")).results.map((r) => r.kind));
    expect(kinds.has("module")).toBe(true);
  });

  it("highlights the matched words in the snippet", async () => {
    const { results } = await search("enregistrement");
    const hit = results.find((r) => r.ref === "holter")!;
    expect(hit.snippet).toMatch(/\u0001Enregistrement\u0002/);
  });

  it("corrects a misspelt word to the closest word of the content, and says so", async () => {
    const typo = await search("coronarografie");
    expect(typo.mode).toBe("all");
    expect(typo.corrections).toEqual([{ from: "coronarografie", to: "coronarographie" }]);
    expect(refs(typo)).toContain("coronarographie");
    // The correction is shown as the content spells the word, accents included.
    const accents = await search("Electrocardiograme");
    expect(accents.corrections).toEqual([{ from: "Electrocardiograme", to: "électrocardiogramme" }]);
    expect(refs(accents)).toContain("ecg");
    // A word of the content is never corrected, nor one too short to guess.
    expect((await search("holter")).corrections).toEqual([]);
    expect((await search("hlt")).mode).toBe("none");
  });

  it("falls back to any word when no document holds them all, and answers empty queries without error", async () => {
    const loose = await search("holter zzzzinconnu");
    expect(loose.mode).toBe("any");
    expect(refs(loose)).toContain("holter");
    expect(await search("")).toEqual({ groups: [], results: [], total: 0, mode: "none", corrections: [] });
    expect((await search("qwxzv")).mode).toBe("none");
  });

  it("the /recherche page answers absurd input with a French message, never an error", async () => {
    const cookie = await signIn("nouvelle.recrue@pivot.demo");
    for (const q of ["", '"))) OR *', "x".repeat(5000), "échographie"]) {
      const res = await run(() => searchLoader({ request: request(`/recherche?q=${encodeURIComponent(q)}`, { cookie }), params: {}, context: {} }));
      expect(res.data).toBeTruthy();
    }
    const visitor = await run(() => searchLoader({ request: request("/recherche?q=ins"), params: {}, context: {} }));
    expect(visitor.response?.status).toBe(302);
  });

  it("the /recherche page shows one headed group per kind, the count and the correction in French", async () => {
    const cookie = await signIn("nouvelle.recrue@pivot.demo");
    const page = async (q: string) => (await run(() => searchLoader({ request: request(`/recherche?q=${encodeURIComponent(q)}`, { cookie }), params: {}, context: {} }))).data!;

    const many = await page("d");
    expect(many.groups.map((g) => g.label)).toEqual(["Modules", "Fiches réflexes", "Glossaire"]);
    const glossary = many.groups.find((g) => g.kind === "terme")!;
    expect(glossary.results).toHaveLength(10);
    expect(glossary.count).toMatch(/^10\u00a0premiers sur \d+$/);
    expect(many.cut).toBe(true);
    expect(many.summary).toBe(`${(await search("d", { perKind: 100 })).total}\u00a0résultats`);

    const typo = await page("coronarografie");
    expect(typo.correction).toBe("«\u00a0coronarografie\u00a0» ne figure dans aucun contenu\u00a0: résultats pour le mot le plus proche, «\u00a0coronarographie\u00a0».");
    expect(typo).toMatchObject({ summary: "1\u00a0résultat", cut: false, groups: [{ label: "Glossaire", count: "1\u00a0résultat" }] });
  });
});

describe("an index built from content with œ, æ and a module to find despite a typo", () => {
  const tmp = tempDirs();
  const doc = (kind: SearchDocument["kind"], ref: string, title: string, body: string, keywords = ""): SearchDocument => ({ kind, ref, url: `/${kind}/${ref}`, title, body, keywords });
  const docs = [
    // Short glossary entries rank well with bm25: the module must still come first.
    doc("terme", "identitovigilance", "Identitovigilance", "Règles qui garantissent la bonne identité du patient."),
    doc("terme", "rniv", "RNIV", "Référentiel national d'identitovigilance."),
    doc("terme", "oesophage", "Œsophage", "Conduit qui relie la gorge à l'estomac ; l'œsophage passe derrière le cœur."),
    doc("terme", "caecum", "Cæcum", "Début du gros intestin."),
    doc("fiche", "pediatrie", "Fiche réflexe Pédiatrie", "La sœur d'un enfant malade appelle pour un rendez-vous ; ex æquo avec l'urgence ?"),
    doc("module", "identitovigilance", "Identitovigilance : la bonne identité", "Le référent d'identitovigilance du service vérifie l'INS. ".repeat(20)),
    doc("module", "accueil", "Accueil du patient", "Vérifier l'identité à chaque venue, selon les règles d'identitovigilance."),
  ];

  it("finds sœur, œsophage, æquo and cæcum typed with two letters, and highlights them as written", async () => {
    const dir = tmp("pivot-search-");
    await writeSearchIndex(docs, dir);
    const index = openSearchIndex(dir);
    try {
      const soeur = await index.search("soeur");
      expect(soeur).toMatchObject({ mode: "all", corrections: [], results: [{ ref: "pediatrie" }] });
      expect(soeur.results[0]!.snippet).toMatch(/La \u0001sœur\u0002 d'un enfant/);
      const oesophage = await index.search("OESOPHAGE");
      expect(refs(oesophage)).toEqual(["oesophage"]);
      expect(oesophage.results[0]!.snippet).toMatch(/l'\u0001œsophage\u0002 passe/);
      expect(refs(await index.search("aequo"))).toEqual(["pediatrie"]);
      expect(refs(await index.search("caecum"))).toEqual(["caecum"]);
      expect(refs(await index.search("cœur"))).toEqual(["oesophage"]);
    } finally {
      index.close();
    }
  });

  it("finds the identitovigilance module despite a typo, modules first, and names the correction", async () => {
    const dir = tmp("pivot-search-");
    await writeSearchIndex(docs, dir);
    const index = openSearchIndex(dir);
    try {
      const exact = await index.search("identitovigilance");
      const typo = await index.search("identitovigilence");
      expect(typo.corrections).toEqual([{ from: "identitovigilence", to: "identitovigilance" }]);
      expect(typo.groups.map((g) => g.kind)).toEqual(["module", "terme"]);
      expect(typo.results[0]).toMatchObject({ kind: "module", ref: "identitovigilance", url: "/module/identitovigilance" });
      expect(refs(typo)).toEqual(refs(exact));
      expect(typo.total).toBe(4);
      // Two typos are forgiven in a long word, in a query of several words too.
      const two = await index.search("referent identitovijilanse service");
      expect(two.corrections).toEqual([{ from: "identitovijilanse", to: "identitovigilance" }]);
      expect(refs(two)).toEqual(["identitovigilance"]);
    } finally {
      index.close();
    }
  });
});
