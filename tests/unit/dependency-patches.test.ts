// The fixes carried on dependencies (scripts/patch-dependencies.js): in place, and behaving as the published
// code does. Route matching is compared with @remix-run/router's browser build, which stays unpatched;
// the statement cache of @libsql/client is run on a real database file.
import { createClient } from "@libsql/client";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyPatches } from "../../scripts/patch-dependencies.js";

it("every patch is applied to the builds Node loads", () => {
  expect(applyPatches({ check: true })).toEqual([]);
});

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
  it("is compared with another build, not with itself", () => {
    expect(patched.matchRoutes).not.toBe(published.matchRoutes);
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

describe("statement cache on @libsql/client", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pivot-statements-"));
  const client = createClient({ url: `file:${path.join(dir, "t.db")}` });
  afterAll(() => {
    client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs the same statement again with other values, after a refused write too", async () => {
    await client.execute("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL)");
    const insert = "INSERT INTO t (a, b) VALUES (?, ?)";
    const select = "SELECT a, b FROM t WHERE a >= ? ORDER BY a";
    expect((await client.execute({ sql: insert, args: [1, "un"] })).rowsAffected).toBe(1);
    await expect(client.execute({ sql: insert, args: [1, "encore"] })).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(client.execute({ sql: insert, args: [2, null] })).rejects.toThrow(/NOT NULL/);
    expect((await client.execute({ sql: insert, args: [2, "deux"] })).lastInsertRowid).toBe(2n);
    const all = await client.execute({ sql: select, args: [1] });
    expect(all.columns).toEqual(["a", "b"]);
    expect(all.rows.map((r) => [Number(r.a), r.b])).toEqual([
      [1, "un"],
      [2, "deux"],
    ]);
    expect((await client.execute({ sql: select, args: [2] })).rows.map((r) => r.b)).toEqual(["deux"]);
    expect((await client.execute({ sql: select, args: [3] })).rows).toEqual([]);
  });

  it("sees a change of schema: no list of columns outlives it", async () => {
    const star = "SELECT * FROM t ORDER BY a";
    expect((await client.execute(star)).columns).toEqual(["a", "b"]);
    await client.execute("ALTER TABLE t ADD COLUMN c TEXT");
    const after = await client.execute(star);
    expect(after.columns).toEqual(["a", "b", "c"]);
    expect(after.rows[0]?.c).toBeNull();
  });

  it("keeps transactions and batches whole", async () => {
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO t (a, b) VALUES (?, ?)", args: [3, "trois"] });
    await tx.rollback();
    await client.batch([{ sql: "INSERT INTO t (a, b) VALUES (?, ?)", args: [4, "quatre"] }], "write");
    expect((await client.execute({ sql: "SELECT a, b FROM t WHERE a >= ? ORDER BY a", args: [3] })).rows.map((r) => r.b)).toEqual(["quatre"]);
  });
});

describe("data routes kept per route array on react-router-dom's static router", () => {
  type Server = typeof import("react-router-dom/server");
  const server = createRequire(import.meta.url)("react-router-dom/server.js") as Server;
  const routes = [
    {
      id: "root",
      path: "/",
      children: [
        { id: "accueil", index: true },
        { id: "module", path: "modules/:slug" },
      ],
    },
  ];

  it("renders each page with its own matches from the same data routes", async () => {
    const handler = server.createStaticHandler(routes);
    const first = await handler.query(new Request("http://pivot.test/modules/identitovigilance"));
    const second = await handler.query(new Request("http://pivot.test/"));
    if (first instanceof Response || second instanceof Response) throw new Error("réponse inattendue");
    const a = server.createStaticRouter(routes, first);
    const b = server.createStaticRouter(routes, second);
    expect(b.routes).toBe(a.routes);
    expect(a.state.matches.map((m) => [m.route.id, m.params.slug])).toEqual([
      ["root", "identitovigilance"],
      ["module", "identitovigilance"],
    ]);
    expect(b.state.matches.map((m) => m.route.id)).toEqual(["root", "accueil"]);
    // The matches point at the router's own data routes, as without the cache.
    expect(a.state.matches[1]?.route).toBe(a.routes[0]?.children?.[1]);
    expect(server.createStaticRouter([...routes], first).routes).not.toBe(a.routes);
  });
});
