// Builds the full-text index (SQLite FTS5 through libSQL) from the compiled content, at build time.
import { createClient } from "@libsql/client";
import fs from "node:fs";
import path from "node:path";
import { displayForms, fold, plainText, SEARCH_KINDS, type SearchKind } from "~/domain/search";
import { glossaryHref } from "~/domain/glossary";
import type { Manifest } from "./build.server";

export const SEARCH_DB = "search.db";
export type { SearchKind };

/**
 * Documents of one kind have their rowids in one block (modules from 1 000 000, fiches from 2 000 000,
 * terms from 3 000 000), so a search can rank each kind on its own with a rowid range, which FTS5 handles
 * without reading the other documents.
 */
export const ROWID_BLOCK = 1_000_000;
export function rowidRange(kind: SearchKind): [number, number] {
  const base = (SEARCH_KINDS.indexOf(kind) + 1) * ROWID_BLOCK;
  return [base, base + ROWID_BLOCK - 1];
}

export type SearchDocument = { kind: SearchKind; ref: string; url: string; title: string; body: string; keywords: string };

export function searchDocuments(manifest: Manifest, bodies: Map<string, string>): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const m of manifest.modules)
    docs.push({
      kind: "module",
      ref: m.frontmatter.id,
      url: `/modules/${m.frontmatter.id}`,
      title: m.frontmatter.title,
      body: plainText(bodies.get(m.file) ?? ""),
      keywords: [m.frontmatter.summary, ...m.frontmatter.objectives].join(" "),
    });
  // A fiche is found by the words of its red flags, as callers say them.
  const alertsById = new Map((manifest.alerts ?? []).map((a) => [a.id, [a.signe, ...a.motsEntendus]]));
  for (const f of manifest.fiches)
    docs.push({
      kind: "fiche",
      ref: f.frontmatter.id,
      url: `/fiches-reflexes/${f.frontmatter.id}`,
      title: `Fiche réflexe ${f.frontmatter.title}`,
      body: plainText(bodies.get(f.file) ?? ""),
      keywords: [f.frontmatter.summary, ...f.frontmatter.alertes.flatMap((id) => alertsById.get(id) ?? [])].join(" "),
    });
  for (const e of manifest.glossary)
    docs.push({
      kind: "terme",
      ref: e.id,
      url: glossaryHref(e),
      title: e.term,
      body: [e.definition, e.example].filter(Boolean).join(" "),
      keywords: [e.expansion, ...e.aliases].filter(Boolean).join(" "),
    });
  return docs;
}

/**
 * Writes a fresh index next to the manifest, atomically (build into a temporary file, then rename).
 *
 * - `doc_text` keeps the text as written; the FTS5 table `docs` indexes it folded (`fold`: case, accents,
 *   œ/æ), with `doc_text` as its external content. Folding keeps the words and their order, so snippets
 *   and highlights, which FTS5 takes from `doc_text`, show the original text at the right words.
 * - `rank` is bm25 with title and keywords weighing more than the body.
 * - `terms` is the index's vocabulary (from fts5vocab), with each word's usual spelling, for typo correction.
 */
export async function writeSearchIndex(docs: SearchDocument[], cacheDir: string) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const target = path.join(cacheDir, SEARCH_DB);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  const client = createClient({ url: `file:${tmp}` });
  const next = new Map<SearchKind, number>(SEARCH_KINDS.map((k) => [k, rowidRange(k)[0]]));
  try {
    await client.batch(
      [
        "CREATE TABLE doc_text (id INTEGER PRIMARY KEY, title TEXT NOT NULL, keywords TEXT NOT NULL, body TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL, url TEXT NOT NULL)",
        "CREATE VIRTUAL TABLE docs USING fts5(title, keywords, body, kind UNINDEXED, ref UNINDEXED, url UNINDEXED, content = 'doc_text', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')",
        "INSERT INTO docs (docs, rank) VALUES ('rank', 'bm25(8.0, 3.0, 1.0)')",
        ...docs.flatMap((d) => {
          const id = next.get(d.kind)!;
          if (id > rowidRange(d.kind)[1]) throw new Error(`index de recherche : plus de ${ROWID_BLOCK} documents de type ${d.kind}`);
          next.set(d.kind, id + 1);
          const text = [d.title, d.keywords, d.body].map((t) => t.normalize("NFC"));
          return [
            { sql: "INSERT INTO doc_text (id, title, keywords, body, kind, ref, url) VALUES (?, ?, ?, ?, ?, ?, ?)", args: [id, ...text, d.kind, d.ref, d.url] },
            { sql: "INSERT INTO docs (rowid, title, keywords, body, kind, ref, url) VALUES (?, ?, ?, ?, ?, ?, ?)", args: [id, ...text.map(fold), d.kind, d.ref, d.url] },
          ];
        }),
        "INSERT INTO docs (docs) VALUES ('optimize')",
        "CREATE VIRTUAL TABLE docs_vocab USING fts5vocab(docs, row)",
        "CREATE TABLE terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL, display TEXT NOT NULL) WITHOUT ROWID",
      ],
      "write",
    );
    const spelling = displayForms(docs.flatMap((d) => [d.title, d.keywords, d.body]));
    const vocabulary = (await client.execute("SELECT term, doc FROM docs_vocab")).rows.map((r) => [String(r.term), Number(r.doc)] as const);
    const chunks: (typeof vocabulary)[] = [];
    for (let i = 0; i < vocabulary.length; i += 500) chunks.push(vocabulary.slice(i, i + 500));
    await client.batch(
      [
        ...chunks.map((chunk) => ({
          sql: `INSERT INTO terms (term, docs, display) VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")}`,
          args: chunk.flatMap(([term, n]) => [term, n, spelling.get(term) ?? term]),
        })),
        "DROP TABLE docs_vocab",
      ],
      "write",
    );
  } finally {
    client.close();
  }
  fs.renameSync(tmp, target);
}
