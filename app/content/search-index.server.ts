// Builds the full-text index (SQLite FTS5 through libSQL) from the compiled content, at build time.
import { createClient } from "@libsql/client";
import fs from "node:fs";
import path from "node:path";
import { plainText } from "~/domain/search";
import type { Manifest } from "./build.server";

export const SEARCH_DB = "search.db";
export type SearchKind = "module" | "fiche" | "terme";

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
      url: `/glossaire#${e.id}`,
      title: e.term,
      body: [e.definition, e.example].filter(Boolean).join(" "),
      keywords: [e.expansion, ...e.aliases].filter(Boolean).join(" "),
    });
  return docs;
}

/** Writes a fresh index next to the manifest, atomically (build into a temporary file, then rename). */
export async function writeSearchIndex(docs: SearchDocument[], cacheDir: string) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const target = path.join(cacheDir, SEARCH_DB);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  const client = createClient({ url: `file:${tmp}` });
  try {
    await client.batch(
      [
        // title and keywords weigh more than the body (see bm25 weights in the query).
        "CREATE VIRTUAL TABLE docs USING fts5(title, keywords, body, kind UNINDEXED, ref UNINDEXED, url UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')",
        ...docs.map((d) => ({ sql: "INSERT INTO docs (title, keywords, body, kind, ref, url) VALUES (?, ?, ?, ?, ?, ?)", args: [d.title, d.keywords, d.body, d.kind, d.ref, d.url] })),
        "INSERT INTO docs(docs) VALUES ('optimize')",
      ],
      "write",
    );
  } finally {
    client.close();
  }
  fs.renameSync(tmp, target);
}
