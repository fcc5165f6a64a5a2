// Full-text search over modules, fiches and glossary, in the FTS5 index built with the content.
import { createClient, type Client } from "@libsql/client";
import path from "node:path";
import { ROWID_BLOCK, rowidRange, SEARCH_DB } from "~/content/search-index.server";
import { correctTokens, createVocabulary, fold, groupByKind, matchExpression, queryTokens, SEARCH_KINDS, typedWords, type Correction, type SearchKind, type Vocabulary } from "~/domain/search";

export type SearchResult = { kind: SearchKind; ref: string; url: string; title: string; snippet: string };
export type SearchGroup = { kind: SearchKind; total: number; results: SearchResult[] };
export type SearchOutcome = {
  /** Non-empty groups, modules first, each ranked by relevance and cut at `perKind`. */
  groups: SearchGroup[];
  /** The results of the groups, in the same order. */
  results: SearchResult[];
  /** Every document found, also those beyond the cut. */
  total: number;
  /** all: every word matched; any: no document holds them all, these hold at least one; none: nothing. */
  mode: "all" | "any" | "none";
  /** Words that matched nothing and were replaced by the closest word of the index. */
  corrections: Correction[];
};

// One statement per search: the best `perKind` documents of each kind (each kind is a rowid block, ranked
// by FTS5 itself with ORDER BY rank, so snippets are computed for the rows shown only), then the number of
// documents of each kind found (a count needs no ranking and no text).
const KIND_OF_ROWID = `CASE rowid / ${ROWID_BLOCK} ${SEARCH_KINDS.map((k) => `WHEN ${rowidRange(k)[0] / ROWID_BLOCK} THEN '${k}'`).join(" ")} END`;
const QUERY = [
  ...SEARCH_KINDS.map((kind) => {
    const [lo, hi] = rowidRange(kind);
    return `SELECT * FROM (SELECT 'hit' AS part, kind, ref, url, title,
        snippet(docs, 2, char(1), char(2), '…', 14) AS snippet,
        snippet(docs, 1, char(1), char(2), '…', 14) AS keywordSnippet, NULL AS total
      FROM docs WHERE docs MATCH ?1 AND rowid BETWEEN ${lo} AND ${hi} ORDER BY rank LIMIT ?2)`;
  }),
  `SELECT 'count', ${KIND_OF_ROWID}, NULL, NULL, NULL, NULL, NULL, count(*) FROM docs WHERE docs MATCH ?1 GROUP BY rowid / ${ROWID_BLOCK}`,
].join("\nUNION ALL\n");

/** Searches the index of a content directory (the compiled content's, or a test's). */
export function openSearchIndex(contentDir: string) {
  // The index is rebuilt only with the content; one read-only connection serves every request.
  const client: Client = createClient({ url: `file:${path.join(contentDir, SEARCH_DB)}` });
  let vocabulary: Promise<Vocabulary> | undefined;

  /** The index's vocabulary, read once (a few thousand words), and only when a query finds nothing. */
  function indexVocabulary(): Promise<Vocabulary> {
    // One row of JSON built by SQLite: several times faster than thousands of rows through the driver.
    vocabulary ??= client
      .execute("SELECT json_group_array(json_array(term, docs, display)) AS terms FROM terms")
      .then((rs) => {
        const rows = JSON.parse(String(rs.rows[0]?.terms ?? "[]")) as [string, number, string][];
        return createVocabulary(rows.map(([term, docs, display]) => ({ term, docs, display })));
      })
      .catch((error: unknown) => {
        vocabulary = undefined;
        throw error;
      });
    return vocabulary;
  }

  async function run(match: string, perKind: number): Promise<Omit<SearchOutcome, "mode" | "corrections">> {
    const rs = await client.execute({ sql: QUERY, args: [match, perKind] });
    const hits: SearchResult[] = [];
    const totals = new Map<SearchKind, number>();
    for (const r of rs.rows) {
      const kind = String(r.kind) as SearchKind;
      if (!SEARCH_KINDS.includes(kind)) continue;
      if (r.part === "count") {
        totals.set(kind, Number(r.total));
        continue;
      }
      const body = String(r.snippet ?? "");
      hits.push({
        kind,
        ref: String(r.ref),
        url: String(r.url),
        title: String(r.title),
        snippet: body.includes("\u0001") || !r.keywordSnippet ? body : String(r.keywordSnippet),
      });
    }
    const groups = groupByKind(hits).map((g) => ({ kind: g.kind, total: totals.get(g.kind) ?? g.items.length, results: g.items }));
    return { groups, results: groups.flatMap((g) => g.results), total: groups.reduce((sum, g) => sum + g.total, 0) };
  }

  /**
   * Every word must match (as a prefix, accents, case and œ/æ folded). When nothing matches, words that no
   * indexed word starts with are corrected to the closest indexed word (1 or 2 typos depending on length),
   * then, if still nothing matches them all, any word may.
   */
  async function search(input: string, options: { perKind?: number } = {}): Promise<SearchOutcome> {
    const perKind = Math.max(1, Math.min(100, Math.floor(options.perKind ?? 10)));
    const tokens = queryTokens(input);
    const strictMatch = matchExpression(tokens, "all");
    if (!strictMatch) return nothing();
    const strict = await run(strictMatch, perKind);
    if (strict.total > 0) return { ...strict, mode: "all", corrections: [] };

    const corrected = correctTokens(tokens, await indexVocabulary(), typedWords(input));
    if (corrected.corrections.length > 0) {
      const fixed = await run(matchExpression(corrected.tokens, "all")!, perKind);
      if (fixed.total > 0) return { ...fixed, mode: "all", corrections: corrected.corrections };
    }
    if (corrected.tokens.length < 2) return nothing();
    const loose = await run(matchExpression(corrected.tokens, "any")!, perKind);
    return loose.total > 0 ? { ...loose, mode: "any", corrections: corrected.corrections } : nothing();
  }

  return { search, close: () => client.close() };
}

const nothing = (): SearchOutcome => ({ groups: [], results: [], total: 0, mode: "none", corrections: [] });

let shared: ReturnType<typeof openSearchIndex> | undefined;

/** Searches the compiled content (PIVOT_CONTENT_DIR, or .content-cache). */
export function search(input: string, options: { perKind?: number } = {}): Promise<SearchOutcome> {
  shared ??= openSearchIndex(process.env.PIVOT_CONTENT_DIR ?? path.join(process.cwd(), ".content-cache"));
  return shared.search(input, options);
}

/** What the header proposes as she types: a few titles, modules first, for queries of two letters or more. */
export async function suggest(input: string): Promise<{ kind: SearchKind; title: string; url: string }[]> {
  if (fold(input).replace(/[^\p{L}\p{N}]/gu, "").length < 2) return [];
  const { groups } = await search(input, { perKind: 3 });
  return groups.flatMap((g) => g.results.map((r) => ({ kind: r.kind, title: r.title, url: r.url }))).slice(0, 8);
}
