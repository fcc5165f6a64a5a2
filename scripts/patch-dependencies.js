// Fixes we carry on dependencies we cannot upgrade (the stack stays on Remix v2), applied after every
// install (`postinstall`) and again before every build, so that no server runs without them. Each patch names
// the version it was written for and the exact text it replaces: after an upgrade it fails here, loudly,
// instead of being dropped in silence. See docs/adr/019-route-matching-cache.md.
//
// Usage: node scripts/patch-dependencies.js [--check]   (--check: only say whether every patch is applied)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Route matching in @remix-run/router 1.x (what Remix v2 runs on the server) flattens and ranks every route,
 * and compiles one regular expression per route, on each call: about five times per page request. Both are
 * pure functions of the route table, so they are kept:
 * - the compiled path patterns, by pattern (a bounded map: the patterns are those of the route files);
 * - the ranked branches, by route array, dropped as soon as routes are patched in (lazy route discovery
 *   in a browser router; never on our server).
 * React Router 7 caches the ranked branches the same way (remix-run/react-router#14967); 1.x will not.
 * Only the CommonJS build is patched: Node loads it; browsers load router.js, which stays as published.
 */
export const PATCHES = [
  {
    name: "route-matching-cache",
    package: "@remix-run/router",
    version: "1.23.3",
    file: "dist/router.cjs.js",
    replacements: [
      {
        find: `function matchRoutesImpl(routes, locationArg, basename, allowPartial) {`,
        replace: `/* pivot-patch: route-matching-cache */
const rankedBranches = new WeakMap();
let routesVersion = 0;
function matchRoutesImpl(routes, locationArg, basename, allowPartial) {`,
      },
      {
        find: `  let branches = flattenRoutes(routes);
  rankRouteBranches(branches);
  let matches = null;`,
        replace: `  let ranked = rankedBranches.get(routes);
  if (!ranked || ranked.version !== routesVersion) {
    let flattened = flattenRoutes(routes);
    rankRouteBranches(flattened);
    ranked = { version: routesVersion, branches: flattened };
    rankedBranches.set(routes, ranked);
  }
  let branches = ranked.branches;
  let matches = null;`,
      },
      {
        find: `function compilePath(path, caseSensitive, end) {
  if (caseSensitive === void 0) {`,
        replace: `const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  let key = path + "\\u0000" + (caseSensitive === true) + "\\u0000" + (end !== false);
  let compiled = compiledPaths.get(key);
  if (!compiled) {
    compiled = compilePathUncached(path, caseSensitive, end);
    if (compiledPaths.size < 1000) compiledPaths.set(key, compiled);
  }
  return compiled;
}
function compilePathUncached(path, caseSensitive, end) {
  if (caseSensitive === void 0) {`,
      },
      {
        find: `function patchRoutesImpl(routeId, children, routesToUse, manifest, mapRouteProperties) {`,
        replace: `function patchRoutesImpl(routeId, children, routesToUse, manifest, mapRouteProperties) {
  routesVersion++;`,
      },
    ],
  },
];

/**
 * @libsql/client 0.18 prepares each statement again on every run on an embedded file, and asks SQLite for
 * its columns twice: with the route table fixed, that was most of what remained of the database's cost on
 * a page. Statements are kept per connection, by text (bounded), as better-sqlite3 users do by hand: a
 * statement always runs to its end before the next one, so reusing it is safe; SQLite prepares it again
 * by itself after a schema change, and its columns are read after each run, once instead of twice.
 * Both the ESM and CommonJS builds carry it.
 */
const STATEMENT_CACHE = [
  {
    find: `function executeStmt(db, stmt, intMode) {`,
    replace: `/* pivot-patch: statement-cache */
const statementsByConnection = new WeakMap();
function keptStatement(db, sql) {
    let bySql = statementsByConnection.get(db);
    if (!bySql) {
        bySql = new Map();
        statementsByConnection.set(db, bySql);
    }
    let sqlStmt = bySql.get(sql);
    if (sqlStmt === undefined) {
        sqlStmt = db.prepare(sql);
        if (bySql.size >= 500)
            bySql.clear();
        bySql.set(sql, sqlStmt);
    }
    return sqlStmt;
}
function executeStmt(db, stmt, intMode) {`,
  },
  {
    find: `        const sqlStmt = db.prepare(sql);`,
    replace: `        const sqlStmt = keptStatement(db, sql);`,
  },
  {
    find: `            const columns = Array.from(sqlStmt.columns().map((col) => col.name));
            const columnTypes = Array.from(sqlStmt.columns().map((col) => col.type ?? ""));
            const rows = sqlStmt.all(args).map((sqlRow) => {`,
    replace: `            const sqlRows = sqlStmt.all(args);
            // Asked after the run: SQLite prepares a kept statement again when the schema has changed.
            const columnList = sqlStmt.columns();
            const columns = columnList.map((col) => col.name);
            const columnTypes = columnList.map((col) => col.type ?? "");
            const rows = sqlRows.map((sqlRow) => {`,
  },
];
for (const build of ["lib-esm", "lib-cjs"])
  PATCHES.push({ name: "statement-cache", package: "@libsql/client", version: "0.18.0", file: `${build}/sqlite3.js`, replacements: STATEMENT_CACHE });

/**
 * Remix's RemixServer rebuilds the routes of the whole build for every page (components, handles, one
 * object per route), then React Router converts them again into data routes: the same result each time,
 * and new arrays that the route-matching cache above cannot recognise, so the rendered router and lazy
 * route discovery flattened the table again on every page. Both are kept: the routes per build manifest
 * (checked against the same modules, so a rebuilt app in development gets new ones), the data routes per
 * route array. Server-only files: the browser builds its routes once anyway.
 */
PATCHES.push(
  {
    name: "server-routes-cache",
    package: "@remix-run/react",
    version: "2.17.5",
    file: "dist/server.js",
    replacements: [
      {
        find: `function RemixServer({`,
        replace: `/* pivot-patch: server-routes-cache */
const serverRoutesByManifest = new WeakMap();
function serverRoutesOf(manifestRoutes, routeModules, future, isSpaMode) {
  let kept = serverRoutesByManifest.get(manifestRoutes);
  if (!kept || kept.future !== future || kept.isSpaMode !== isSpaMode || Object.keys(manifestRoutes).some(id => kept.routeModules[id] !== routeModules[id])) {
    kept = {
      future,
      isSpaMode,
      routeModules: {
        ...routeModules
      },
      routes: routes.createServerRoutes(manifestRoutes, routeModules, future, isSpaMode)
    };
    serverRoutesByManifest.set(manifestRoutes, kept);
  }
  return kept.routes;
}
function RemixServer({`,
      },
      {
        find: `  let routes$1 = routes.createServerRoutes(manifest.routes, routeModules, context.future, context.isSpaMode);`,
        replace: `  let routes$1 = serverRoutesOf(manifest.routes, routeModules, context.future, context.isSpaMode);`,
      },
    ],
  },
  {
    name: "static-router-cache",
    package: "react-router-dom",
    version: "6.30.4",
    file: "server.js",
    replacements: [
      {
        find: `function createStaticRouter(routes, context, opts = {}) {
  let manifest = {};
  let dataRoutes = router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, manifest);`,
        replace: `/* pivot-patch: static-router-cache */
const dataRoutesByRoutes = new WeakMap();
function createStaticRouter(routes, context, opts = {}) {
  let kept = dataRoutesByRoutes.get(routes);
  if (!kept) {
    kept = {
      manifest: {}
    };
    kept.dataRoutes = router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, kept.manifest);
    dataRoutesByRoutes.set(routes, kept);
  }
  let manifest = kept.manifest;
  let dataRoutes = kept.dataRoutes;`,
      },
    ],
  },
);

const MARKER = (name) => `/* pivot-patch: ${name} */`;

/** Applies each patch not applied yet; returns the problems (none when every patch is in place). */
export function applyPatches({ check = false } = {}) {
  const problems = [];
  for (const patch of PATCHES) {
    const dir = path.join(root, "node_modules", patch.package);
    const version = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
    const file = path.join(dir, patch.file);
    const text = fs.readFileSync(file, "utf8");
    if (text.includes(MARKER(patch.name))) continue;
    if (version !== patch.version) {
      problems.push(
        `${patch.package} est en version ${version}, le correctif « ${patch.name} » a été écrit pour la ${patch.version} : vérifiez s'il est encore utile, puis mettez-le à jour dans scripts/patch-dependencies.js.`,
      );
      continue;
    }
    if (check) {
      problems.push(`le correctif « ${patch.name} » n'est pas appliqué à ${patch.package}/${patch.file} : lancez « node scripts/patch-dependencies.js ».`);
      continue;
    }
    let patched = text;
    const missing = patch.replacements.filter(({ find }) => patched.split(find).length !== 2);
    if (missing.length > 0) {
      problems.push(`le correctif « ${patch.name} » ne trouve pas le texte attendu dans ${patch.package}/${patch.file} (${missing.length} passage(s)).`);
      continue;
    }
    for (const { find, replace } of patch.replacements) patched = patched.replace(find, () => replace);
    fs.writeFileSync(file, patched);
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = applyPatches({ check: process.argv.includes("--check") });
  for (const problem of problems) console.error(`Correctif de dépendance : ${problem}`);
  process.exit(problems.length > 0 ? 1 : 0);
}
