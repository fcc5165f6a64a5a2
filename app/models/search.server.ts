// Full-text search over modules, fiches and glossary, in the FTS5 index built with the content.
import { createClient, type Client } from "@libsql/client";
import path from "node:path";
import { SEARCH_DB, type SearchKind } from "~/content/search-index.server";
import { toFtsQuery } from "~/domain/search";

let client: Client | undefined;
function index(): Client {
  // The index is rebuilt only with the content; one read-only connection serves every request.
  client ??= createClient({ url: `file:${path.join(process.env.PIVOT_CONTENT_DIR ?? path.join(process.cwd(), ".content-cache"), SEARCH_DB)}` });
  return client;
}

export type SearchResult = { kind: SearchKind; ref: string; url: string; title: string; snippet: string };

const QUERY = `SELECT kind, ref, url, title,
    snippet(docs, 2, char(1), char(2), '…', 14) AS snippet,
    snippet(docs, 1, char(1), char(2), '…', 14) AS keywordSnippet
  FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 8.0, 3.0, 1.0) LIMIT ?`;

async function run(match: string, limit: number): Promise<SearchResult[]> {
  const rs = await index().execute({ sql: QUERY, args: [match, limit] });
  return rs.rows.map((r) => {
    const body = String(r.snippet ?? "");
    return {
      kind: r.kind as SearchKind,
      ref: String(r.ref),
      url: String(r.url),
      title: String(r.title),
      snippet: body.includes("\u0001") || !r.keywordSnippet ? body : String(r.keywordSnippet),
    };
  });
}

/** Every word must match (as a prefix); when nothing does, any word may. */
export async function search(input: string, limit = 30): Promise<{ results: SearchResult[]; mode: "all" | "any" | "none" }> {
  const all = toFtsQuery(input, "all");
  if (!all) return { results: [], mode: "none" };
  const strict = await run(all, limit);
  if (strict.length > 0) return { results: strict, mode: "all" };
  const loose = await run(toFtsQuery(input, "any")!, limit);
  return { results: loose, mode: loose.length ? "any" : "none" };
}
