// The per-page JavaScript weight of `npm run bench:js` (scripts/js-budget.ts), on a fake manifest.
import { describe, expect, it } from "vitest";
import { deferredFiles, forbiddenBrowserInputs, parseManifestScript, routeFiles, routeUrl, routeWeights, type AssetManifest, type BuiltImport } from "../../scripts/js-budget";

const manifest: AssetManifest = {
  entry: { module: "/build/entry.js", imports: ["/build/_shared/react.js", "/build/_shared/remix.js"] },
  routes: {
    root: { id: "root", path: "", module: "/build/root.js", imports: ["/build/_shared/remix.js", "/build/_shared/nav.js"] },
    "routes/_index": { id: "routes/_index", parentId: "root", index: true, module: "/build/routes/_index.js" },
    "routes/blocs": { id: "routes/blocs", parentId: "root", path: "blocs", module: "/build/routes/blocs.js", imports: ["/build/_shared/forms.js"] },
    "routes/blocs.$bloc": {
      id: "routes/blocs.$bloc",
      parentId: "routes/blocs",
      path: ":bloc",
      module: "/build/routes/blocs.$bloc.js",
      imports: ["/build/_shared/forms.js", "/build/_shared/nav.js", "/build/_shared/quiz.js"],
    },
  },
};

const SIZES: Record<string, number> = {
  "/build/entry.js": 1,
  "/build/_shared/react.js": 100,
  "/build/_shared/remix.js": 50,
  "/build/root.js": 5,
  "/build/_shared/nav.js": 3,
  "/build/routes/_index.js": 7,
  "/build/routes/blocs.js": 11,
  "/build/_shared/forms.js": 20,
  "/build/routes/blocs.$bloc.js": 13,
  "/build/_shared/quiz.js": 40,
};
const sizeOf = (file: string) => {
  const size = SIZES[file];
  if (size === undefined) throw new Error(`unexpected file ${file}`);
  return size;
};

describe("routeFiles", () => {
  it("loads the entry, then the imports and module of every route from the root down, each file once", () => {
    expect(routeFiles(manifest, "routes/blocs.$bloc")).toEqual([
      "/build/entry.js",
      "/build/_shared/react.js",
      "/build/_shared/remix.js",
      "/build/_shared/nav.js",
      "/build/root.js",
      "/build/_shared/forms.js",
      "/build/routes/blocs.js",
      "/build/_shared/quiz.js",
      "/build/routes/blocs.$bloc.js",
    ]);
  });

  it("rejects an unknown route and a cycle of parents", () => {
    expect(() => routeFiles(manifest, "routes/nope")).toThrow(/inconnue/);
    const cyclic: AssetManifest = {
      entry: { module: "/e.js" },
      routes: { a: { id: "a", parentId: "b", module: "/a.js" }, b: { id: "b", parentId: "a", module: "/b.js" } },
    };
    expect(() => routeFiles(cyclic, "a")).toThrow(/cycle/);
  });
});

describe("routeUrl", () => {
  it("joins the paths of the chain", () => {
    expect(routeUrl(manifest, "routes/_index")).toBe("/");
    expect(routeUrl(manifest, "routes/blocs.$bloc")).toBe("/blocs/:bloc");
  });
});

describe("routeWeights", () => {
  it("sums each page's files, heaviest first, and honours the filter", () => {
    const weights = routeWeights(manifest, sizeOf, (r) => r.id !== "root");
    expect(weights.map((w) => [w.id, w.bytes])).toEqual([
      ["routes/blocs.$bloc", 1 + 100 + 50 + 3 + 5 + 20 + 11 + 40 + 13],
      ["routes/blocs", 1 + 100 + 50 + 3 + 5 + 20 + 11],
      ["routes/_index", 1 + 100 + 50 + 3 + 5 + 7],
    ]);
  });

  it("measures each file once however many pages share it", () => {
    let calls = 0;
    routeWeights(manifest, (f) => (calls++, sizeOf(f)));
    expect(calls).toBe(Object.keys(SIZES).length);
  });
});

describe("parseManifestScript", () => {
  it("reads the object assigned to window.__remixManifest", () => {
    const text = `window.__remixManifest=${JSON.stringify(manifest)};`;
    expect(parseManifestScript(text)).toEqual(manifest);
  });
});

describe("deferredFiles", () => {
  const graph: Record<string, BuiltImport[]> = {
    "/page.js": [
      { path: "/shared.js", kind: "import-statement" },
      { path: "/form.js", kind: "dynamic-import" },
    ],
    "/form.js": [
      { path: "/shared.js", kind: "import-statement" },
      { path: "/form-deps.js", kind: "import-statement" },
      { path: "/checks.js", kind: "dynamic-import" },
    ],
    "/checks.js": [{ path: "/form-deps.js", kind: "import-statement" }],
  };
  const importsOf = (file: string) => graph[file] ?? [];

  it("follows dynamic imports and what they import, without the files the page already loads", () => {
    expect(deferredFiles(["/page.js", "/shared.js"], importsOf).sort()).toEqual(["/checks.js", "/form-deps.js", "/form.js"]);
  });

  it("is empty for a page without import()", () => {
    expect(deferredFiles(["/shared.js"], importsOf)).toEqual([]);
  });
});

describe("forbiddenBrowserInputs", () => {
  it("refuses zod's classic API and its locales but French, and lets zod/mini through", () => {
    const inputs = [
      "../main/node_modules/zod/v4/classic/schemas.js",
      "../main/node_modules/zod/v4/locales/he.js",
      "../main/node_modules/zod/v4/locales/fr.js",
      "../main/node_modules/zod/v4/locales/fr-CA.js",
      "../main/node_modules/zod/v4/mini/schemas.js",
      "../main/node_modules/zod/v4/core/schemas.js",
      "app/domain/quiz-submission.ts",
    ];
    expect(forbiddenBrowserInputs(inputs)).toEqual(["../main/node_modules/zod/v4/classic/schemas.js", "../main/node_modules/zod/v4/locales/he.js", "../main/node_modules/zod/v4/locales/fr-CA.js"]);
  });
});
