import { describe, expect, it } from "vitest";
import { search } from "~/models/search.server";
import { loader as searchLoader } from "~/routes/recherche";
import { request, run, signIn } from "../helpers/requests";

describe("full-text search over the compiled content", () => {
  it("is accent- and case-insensitive and matches prefixes", async () => {
    const { results } = await search("ECHOCARDIO");
    expect(results[0]).toMatchObject({ kind: "terme", ref: "echocardiographie", url: "/glossaire#echocardiographie" });
    const prefix = await search("coronaro");
    expect(prefix.results.map((r) => r.ref)).toContain("coronarographie");
  });

  it("ranks a title match above a body match and tells the kind of each result", async () => {
    const { results } = await search("cardiologie");
    expect(results[0]).toMatchObject({ kind: "fiche", ref: "cardiologie" });
    const kinds = new Set((await search("paragraphe")).results.map((r) => r.kind));
    expect(kinds.has("module")).toBe(true);
  });

  it("highlights the matched words in the snippet", async () => {
    const { results } = await search("enregistrement");
    const hit = results.find((r) => r.ref === "holter")!;
    expect(hit.snippet).toMatch(/\u0001Enregistrement\u0002/);
  });

  it("falls back to any word when no document holds them all, and answers empty queries without error", async () => {
    const loose = await search("holter zzzzinconnu");
    expect(loose.mode).toBe("any");
    expect(loose.results.map((r) => r.ref)).toContain("holter");
    expect(await search("")).toEqual({ results: [], mode: "none" });
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
});
