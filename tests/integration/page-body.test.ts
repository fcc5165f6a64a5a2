// A module's or fiche's body travels once: in a document's HTML (rendered from its key), or in the data
// of a navigation in the browser, never both (pageBody, BodyLookup in entry.server.tsx).
import { beforeAll, describe, expect, it } from "vitest";
import { bodyByKey, listFiches, listModules } from "~/content/modules.server";
import { loader as ficheLoader } from "~/routes/fiches-reflexes.$specialite";
import { loader as moduleLoader } from "~/routes/modules.$slug";
import { request, run, signIn } from "../helpers/requests";

let cookie: string;
beforeAll(async () => {
  cookie = await signIn("nouvelle.recrue@pivot.demo");
});

async function bodyOf(kind: "module" | "fiche", id: string, context: Record<string, unknown>) {
  const { data, response } =
    kind === "module"
      ? await run(() => moduleLoader({ request: request(`/modules/${id}`, { cookie }), params: { slug: id }, context }))
      : await run(() => ficheLoader({ request: request(`/fiches-reflexes/${id}`, { cookie }), params: { specialite: id }, context }));
  if (response) throw new Error(`${kind} ${id}: ${response.status}`);
  return kind === "module" ? (data as Awaited<ReturnType<typeof moduleLoader>>).module.body : (data as Awaited<ReturnType<typeof ficheLoader>>).fiche.body;
}

describe("a page's body", () => {
  const cases = [
    ["module", listModules()[0]!.frontmatter.id],
    ["fiche", listFiches()[0]!.frontmatter.id],
  ] as const;

  it.each(cases)("of a %s comes with the data of a navigation, and is only named in a document's data", async (kind, id) => {
    const navigation = await bodyOf(kind, id, {});
    const document = await bodyOf(kind, id, { documentRequest: true });
    expect(navigation.html).toMatch(/<h2 /);
    expect(document.html).toBeNull();
    expect(document.key).toBe(navigation.key);
    expect(navigation.key).toMatch(new RegExp(`^${kind}:${id}:[A-Za-z0-9_-]{12}$`));
    // What the server renders into the document for that key is the same body.
    expect(bodyByKey(document.key)).toBe(navigation.html);
  });

  it("is looked up by key only for a known module or fiche", () => {
    expect(bodyByKey("module:inexistant:abc")).toBeUndefined();
    expect(bodyByKey("autre:chose")).toBeUndefined();
    expect(bodyByKey("")).toBeUndefined();
  });
});
