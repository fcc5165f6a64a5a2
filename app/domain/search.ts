// Search query rules, with no I/O: from what a person types to an FTS5 query.

const STOP_WORDS = new Set(
  "le la les l un une des du de d et ou a au aux en dans pour par sur avec sans ce cet cette ces qui que quoi quel quelle quels quelles est sont je j tu il elle on nous vous ils elles se s ne n pas plus comment faire".split(" "),
);

/** Words of a query: letters and digits only, accents kept (FTS folds them), stop words dropped. */
export function queryTokens(input: string): string[] {
  const words = input
    .toLowerCase()
    .slice(0, 200)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  return [...new Set(meaningful.length ? meaningful : words)].slice(0, 8);
}

/**
 * An FTS5 MATCH expression: every word as a quoted prefix ("echo"* finds « échographie »).
 * Quoting makes any user input safe: FTS operators typed by a person are plain words.
 */
export function toFtsQuery(input: string, mode: "all" | "any" = "all"): string | null {
  const tokens = queryTokens(input);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replace(/"/g, "")}"*`).join(mode === "all" ? " AND " : " OR ");
}

/** Splits a snippet marked with \u0001…\u0002 into plain and highlighted parts (no HTML involved). */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  for (const [i, chunk] of snippet.split(/\u0001|\u0002/).entries()) if (chunk) parts.push({ text: chunk, mark: i % 2 === 1 });
  return parts;
}

/** Plain text of an MDX body, for indexing. */
export function plainText(mdx: string): string {
  return mdx
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*\|?[\s:|-]+\|?\s*$/gm, " ")
    .replace(/[#*_>`|]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
