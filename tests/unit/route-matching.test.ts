// The route-matching cache carried on @remix-run/router (scripts/patch-dependencies.js): in place, and
// matching exactly as the published code does — compared with the browser build, which stays unpatched.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { applyPatches } from "../../scripts/patch-dependencies.js";

type Router = typeof import("@remix-run/router");
// What the server loads (the CommonJS build), not what Vite would pick for a test; and the browser build.
const patched = createRequire(import.meta.url)("@remix-run/router") as Router;
const browserBuild = "../../node_modules/@remix-run/router/dist/router.js";
const published = (await import(/* @vite-ignore */ browserBuild)) as Router;

type Route = import("@remix-run/router").AgnosticRouteObject;

// The shapes of our route files: index, nested layouts, dynamic and optional segments, escaped dots, a splat.
function routeTable(): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "_index", index: true },
        { id: "modules.$slug", path: "modules/:slug" },
        { id: "modules.$slug_.mise-a-jour", path: "modules/:slug/mise-a-jour" },
        {
          id: "equipe",
          path: "equipe",
          children: [
            { id: "equipe._index", index: true },
            { id: "equipe.$personne", path: ":personne" },
          ],
        },
        { id: "equipe.nouveau", path: "equipe/nouveau" },
        { id: "equipe[.]csv", path: "equipe.csv" },
        { id: "certificats.$code_.openbadge[.]json", path: "certificats/:code/openbadge.json" },
        { id: "blocs.$bloc", path: "blocs/:bloc?" },
        { id: "Majuscules", path: "Majuscules", caseSensitive: true },
        { id: "$", path: "*" },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/modules/identitovigilance",
  "/modules/identitovigilance/",
  "/modules/identitovigilance/mise-a-jour",
  "/equipe",
  "/equipe/nouveau",
  "/equipe/4b1c",
  "/equipe.csv",
  "/certificats/ABC-123/openbadge.json",
  "/blocs",
  "/blocs/gestion-information",
  "/majuscules",
  "/Majuscules",
  "/n/importe/quoi",
  "/modules/d%C3%A9j%C3%A0-vu",
];

const ids = (matches: ReturnType<typeof published.matchRoutes>) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, base: m.pathnameBase })) ?? null;

describe("route-matching cache on @remix-run/router", () => {
  it("is applied to the build Node loads", () => {
    expect(applyPatches({ check: true })).toEqual([]);
    expect(patched.matchRoutes).not.toBe(published.matchRoutes); // two builds compared, not one with itself
  });

  it("matches every path as the published code does, on the first call and from the cache", () => {
    const routes = routeTable();
    const expected = PATHS.map((p) => ids(published.matchRoutes(routeTable(), p)));
    expect(expected.filter(Boolean).length).toBeGreaterThan(10);
    expect(PATHS.map((p) => ids(patched.matchRoutes(routes, p)))).toEqual(expected);
    expect(PATHS.map((p) => ids(patched.matchRoutes(routes, p)))).toEqual(expected);
    expect(PATHS.map((p) => ids(patched.matchRoutes(routes, p, "/base")))).toEqual(PATHS.map((p) => ids(published.matchRoutes(routeTable(), p, "/base"))));
    expect(patched.matchPath({ path: "/modules/:slug", end: false }, "/modules/a/b")).toEqual(
      published.matchPath({ path: "/modules/:slug", end: false }, "/modules/a/b"),
    );
    expect(patched.matchPath({ path: "/modules/:slug", end: true }, "/modules/a/b")).toBeNull();
  });

  it("sees routes patched in during a navigation (lazy route discovery), after a first match", async () => {
    const router = patched.createRouter({
      routes: [{ id: "root", path: "/", children: [{ id: "accueil", index: true }] }],
      history: patched.createMemoryHistory(),
      patchRoutesOnNavigation: ({ path, patch }) => {
        if (path === "/glossaire") patch("root", [{ id: "glossaire", path: "glossaire" }]);
      },
    });
    router.initialize();
    expect(patched.matchRoutes(router.routes, "/glossaire")).toBeNull();
    await router.navigate("/glossaire");
    expect(router.state.matches.map((m) => m.route.id)).toEqual(["root", "glossaire"]);
    expect(router.state.errors).toBeNull();
    router.dispose();
  });
});
