// Which JavaScript files each page of the Remix build downloads, and how heavy they are together.
// Pure: works on the asset manifest (public/build/manifest-*.js) and a size per file, so that
// scripts/bench-js.ts can feed it gzipped sizes and the unit test a fake manifest.
//
// What a page loads is what Remix's <Scripts/> preloads for a document request: the client entry and
// its imports, then, for every matched route from the root down to the page (its parents included),
// the route's imports and its module. Each file counts once. With v3_lazyRouteDiscovery the manifest
// is inlined in the HTML (only the matched routes), so the manifest file itself is not counted.

export type ManifestRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
};

export type AssetManifest = {
  entry: { module: string; imports?: string[] };
  routes: Record<string, ManifestRoute>;
};

export type RouteWeight = {
  /** Route id, e.g. "routes/glossaire". */
  id: string;
  /** URL pattern built from the paths of the route and its parents, e.g. "/blocs/:bloc". */
  url: string;
  /** Every JS file the page loads, in preload order, without duplicates. */
  files: string[];
  /** Sum of sizeOf over files. */
  bytes: number;
};

/** The chain of routes matched for `id`, root first. Throws on an unknown id or a parent cycle. */
export function routeChain(manifest: AssetManifest, id: string): ManifestRoute[] {
  const chain: ManifestRoute[] = [];
  const seen = new Set<string>();
  for (let current: string | undefined = id; current !== undefined; ) {
    const route: ManifestRoute | undefined = manifest.routes[current];
    if (!route) throw new Error(`route inconnue dans le manifeste : ${current}`);
    if (seen.has(current)) throw new Error(`cycle de parents dans le manifeste : ${current}`);
    seen.add(current);
    chain.unshift(route);
    current = route.parentId;
  }
  return chain;
}

/** The JS files a document request to route `id` makes the browser load. */
export function routeFiles(manifest: AssetManifest, id: string): string[] {
  const files = [manifest.entry.module, ...(manifest.entry.imports ?? [])];
  for (const route of routeChain(manifest, id)) files.push(...(route.imports ?? []), route.module);
  return [...new Set(files)];
}

/** The URL pattern of route `id` ("/" for the index of the root). */
export function routeUrl(manifest: AssetManifest, id: string): string {
  const segments = routeChain(manifest, id)
    .map((r) => r.path ?? "")
    .filter((p) => p !== "");
  return `/${segments.join("/")}`;
}

/**
 * Weight of every route whose id passes `include` (all by default), heaviest first (ties by id).
 * `sizeOf` gives the size of one file as named in the manifest.
 */
export function routeWeights(
  manifest: AssetManifest,
  sizeOf: (file: string) => number,
  include: (route: ManifestRoute) => boolean = () => true,
): RouteWeight[] {
  const sizes = new Map<string, number>();
  const size = (file: string) => {
    let s = sizes.get(file);
    if (s === undefined) sizes.set(file, (s = sizeOf(file)));
    return s;
  };
  return Object.values(manifest.routes)
    .filter(include)
    .map((route) => {
      const files = routeFiles(manifest, route.id);
      return { id: route.id, url: routeUrl(manifest, route.id), files, bytes: files.reduce((sum, f) => sum + size(f), 0) };
    })
    .sort((a, b) => b.bytes - a.bytes || a.id.localeCompare(b.id));
}

/** Parses the text of public/build/manifest-*.js (`window.__remixManifest={...};`). */
export function parseManifestScript(text: string): AssetManifest {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end < start) throw new Error("manifeste Remix illisible");
  return JSON.parse(text.slice(start, end + 1)) as AssetManifest;
}

/** One import of a built file, as esbuild's metafile lists it ("import-statement" or "dynamic-import"). */
export type BuiltImport = { path: string; kind: string };

/**
 * The files a page may load later, through `import()`: every file reachable from the page's files by a
 * dynamic import (then by any import), minus those the page already loads. Not counted in the page's
 * weight (they are not on the way to a usable page), but shown beside it. `importsOf` gives the imports
 * of one file, named like the page's files.
 */
export function deferredFiles(pageFiles: string[], importsOf: (file: string) => BuiltImport[]): string[] {
  const loaded = new Set(pageFiles);
  const deferred = new Set<string>();
  const queue = pageFiles.flatMap((f) => importsOf(f).filter((i) => i.kind === "dynamic-import").map((i) => i.path));
  while (queue.length) {
    const file = queue.shift()!;
    if (loaded.has(file) || deferred.has(file)) continue;
    deferred.add(file);
    queue.push(...importsOf(file).map((i) => i.path));
  }
  return [...deferred];
}

/**
 * Inputs of the browser build that must not be there: zod's classic API (the browser runs zod/mini only,
 * for the quiz form) and any zod locale but French. Takes the input paths with bytes in the output.
 */
export function forbiddenBrowserInputs(inputs: string[]): string[] {
  return inputs.filter((input) => /node_modules\/zod\/(v4\/classic\/|v3\/|v4\/locales\/(?!fr\.js$))/.test(input));
}
