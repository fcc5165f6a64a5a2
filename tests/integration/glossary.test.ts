// The glossary page one letter at a time, its search across letters, and every link to an entry
// (a <Terme> in a module, a fiche's vocabulary, a search result) landing on a page that shows it.
import { beforeAll, describe, expect, it } from "vitest";
import { listGlossary, termDefinitions } from "~/content/modules.server";
import { search } from "~/models/search.server";
import { loader as ficheLoader } from "~/routes/fiches-reflexes.$specialite";
import { loader } from "~/routes/glossaire";
import { request, run, signIn } from "../helpers/requests";

let cookie: string;
beforeAll(async () => {
  cookie = await signIn("nouvelle.recrue@pivot.demo");
});

async function page(url: string) {
  const { data, response } = await run(() => loader({ request: request(url, { cookie }), params: {}, context: {} }));
  if (response) throw new Error(`${url}: ${response.status} ${response.headers.get("Location")}`);
  return data!;
}
const ids = (data: Awaited<ReturnType<typeof page>>) => data.groups.flatMap((g) => g.entries.map((e) => e.id));

/** The entry a link shows: its page must hold the entry, at the anchor. */
async function expectLanding(href: string) {
  const [url, anchor] = href.split("#");
  expect(url).toMatch(/^\/glossaire\?lettre=(?:[A-Z]|0-9)$/);
  expect(ids(await page(url!))).toContain(anchor);
}

describe("the glossary, one letter at a time", () => {
  it("opens on the first letter that has entries and sends only that letter", async () => {
    const data = await page("/glossaire");
    expect(data.letter).toEqual({ param: "A", label: "A" });
    expect(ids(data)).toEqual(["anticoagulant"]);
    expect(data.total).toBe(listGlossary().length);
    const counts = Object.fromEntries(data.letters.filter((l) => l.count > 0).map((l) => [l.label, l.count]));
    expect(counts).toEqual({ A: 1, B: 1, C: 1, D: 2, E: 3, H: 2, I: 3, P: 1, S: 1, T: 1 });
  });

  it("shows the letter asked for (any case); É files under E", async () => {
    const data = await page("/glossaire?lettre=e");
    expect(data.letter).toEqual({ param: "E", label: "E" });
    expect(ids(data)).toEqual(["ecg", "echocardiographie", "epreuve-effort"]);
  });

  it("searches every letter and keeps the filters", async () => {
    const data = await page("/glossaire?q=coeur");
    expect(data.letter).toBeNull();
    expect(data.matches).toBeGreaterThan(1);
    expect(new Set(data.groups.map((g) => g.letter)).size).toBeGreaterThan(1);
    const filtered = await page("/glossaire?q=coeur&categorie=examen");
    expect(filtered.filter.categorie).toBe("examen");
    expect(filtered.matches).toBeLessThanOrEqual(data.matches!);
  });

  it("?terme= sends to the entry's letter and anchor; an unknown one is ignored", async () => {
    const { response } = await run(() => loader({ request: request("/glossaire?terme=echocardiographie", { cookie }), params: {}, context: {} }));
    expect(response?.status).toBe(302);
    expect(response?.headers.get("Location")).toBe("/glossaire?lettre=E#echocardiographie");
    expect((await page("/glossaire?terme=inconnu")).letter?.param).toBe("A");
  });
});

describe("every link to an entry lands on a page that shows it", () => {
  it("from a <Terme>, for every entry of the glossary", async () => {
    const all = listGlossary();
    const defs = termDefinitions(all.map((e) => e.id));
    expect(Object.keys(defs)).toHaveLength(all.length);
    for (const def of Object.values(defs)) await expectLanding(def.href);
  });

  it("from a fiche's vocabulary", async () => {
    const { data } = await run(() => ficheLoader({ request: request("/fiches-reflexes/cardiologie", { cookie }), params: { specialite: "cardiologie" }, context: {} }));
    expect(data!.fiche.vocabulary.length).toBeGreaterThan(0);
    for (const v of data!.fiche.vocabulary) await expectLanding(v.href);
  });

  it("from search results", async () => {
    const { groups } = await search("cardiaque", { perKind: 100 });
    const terms = groups.find((g) => g.kind === "terme")!.results;
    expect(terms.length).toBeGreaterThan(0);
    for (const t of terms) await expectLanding(t.url);
  });
});
