// Search rules, with no I/O: folding, from what a person types to an FTS5 query, typo correction, grouping.

/** The kinds of documents, in the order their groups are shown (modules first). */
export const SEARCH_KINDS = ["module", "fiche", "terme"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
/** How each kind is named: a group of results (plural), one suggestion (singular). */
export const SEARCH_KIND_LABELS: Record<SearchKind, { group: string; one: string }> = {
  module: { group: "Modules", one: "Module" },
  fiche: { group: "Fiches réflexes", one: "Fiche réflexe" },
  terme: { group: "Glossaire", one: "Glossaire" },
};

/**
 * The one folding of text for search, applied to the indexed text at build time and to every query:
 * lower case, œ → oe, æ → ae, accents and other combining marks removed (« Cœur » and « coeur » both give
 * « coeur », « Échographie » gives « echographie »).
 *
 * It keeps word boundaries: a run of letters and digits stays one run, and nothing else becomes a letter,
 * so the folded text has exactly the words of the original, in the same order. The index relies on it to
 * highlight the original text (with its accents) from matches found in the folded text. (NFD, not NFKD:
 * compatibility forms such as « ½ » would split a word.)
 */
export function fold(text: string): string {
  return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD").replace(/\p{M}/gu, "");
}

/** Words of a text as the index sees them (letters and digits; combining marks belong to their letter). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
}

const STOP_WORDS = new Set(
  "le la les l un une des du de d et ou a au aux en dans pour par sur avec sans ce cet cette ces qui que quoi quel quelle quels quelles est sont je j tu il elle on nous vous ils elles se s ne n pas plus comment faire".split(" "),
);

/** Folded words of a query, stop words dropped (unless nothing else is left), at most 8. */
export function queryTokens(input: string): string[] {
  const all = words(fold(input.slice(0, 200)));
  const meaningful = all.filter((w) => !STOP_WORDS.has(w));
  return [...new Set(meaningful.length ? meaningful : all)].slice(0, 8);
}

/**
 * An FTS5 MATCH expression from folded words: each a quoted prefix ("echo"* finds « échographie »).
 * Quoting makes any user input safe: FTS operators typed by a person are plain words.
 */
export function matchExpression(tokens: string[], mode: "all" | "any" = "all"): string | null {
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replace(/"/g, "")}"*`).join(mode === "all" ? " AND " : " OR ");
}

/** The FTS5 MATCH expression of what a person typed, or null when there is no word in it. */
export function toFtsQuery(input: string, mode: "all" | "any" = "all"): string | null {
  return matchExpression(queryTokens(input), mode);
}

// --- Typo tolerance -------------------------------------------------------------------------------

/**
 * How many typos a word may hold and still be corrected: none under 4 letters (too many words are that
 * close to each other) or when it holds a digit (a number is not misspelt), 1 up to 7 letters, 2 beyond.
 */
export function maxTypos(word: string): number {
  if (/\p{N}/u.test(word)) return 0;
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/**
 * Edit distance (Damerau–Levenshtein, optimal string alignment: a swap of two neighbouring letters is one
 * typo) between a and b, or max + 1 as soon as it is known to exceed max. Only the diagonal band of width
 * 2·max + 1 is computed (a cell further away is already more than max), so a check costs a few dozen steps.
 */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (n === 0 || m === 0) return Math.max(n, m);
  let before = new Int32Array(m + 1).fill(over); // row i - 2
  let previous = new Int32Array(m + 1).fill(over); // row i - 1
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= Math.min(m, max); j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current.fill(over);
    if (i <= max) current[0] = i;
    let rowMin = current[0]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = Math.max(1, i - max); j <= Math.min(m, i + max); j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[m]!, over);
}

/** A word of the index: folded, with the number of documents holding it and its usual written form. */
export type VocabularyEntry = { term: string; docs: number; display: string };

export type Vocabulary = {
  /** Whether some indexed word starts with this folded word (a query word matches as a prefix). */
  knows(word: string): boolean;
  /** The indexed word closest to an unknown folded word, within maxTypos(word), or null. */
  closest(word: string): VocabularyEntry | null;
};

/** The vocabulary of the index, in memory: sorted for prefix look-ups, bucketed by length for corrections. */
export function createVocabulary(entries: VocabularyEntry[]): Vocabulary {
  const sorted = entries.map((e) => e.term).sort();
  const byLength = new Map<number, VocabularyEntry[]>();
  for (const e of entries) {
    if (/\p{N}/u.test(e.term)) continue; // a word is never corrected into a number or a code
    const n = e.term.length;
    const bucket = byLength.get(n);
    if (bucket) bucket.push(e);
    else byLength.set(n, [e]);
  }
  return {
    knows(word) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < word) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo]!.startsWith(word);
    },
    closest(word) {
      const max = maxTypos(word);
      if (max === 0) return null;
      const length = word.length;
      let best: { entry: VocabularyEntry; distance: number } | null = null;
      for (let n = length - max; n <= length + max; n++)
        for (const entry of byLength.get(n) ?? []) {
          const distance = editDistance(word, entry.term, best ? Math.min(max, best.distance) : max);
          if (distance > max) continue;
          // Fewest typos first; then the word found in most documents; then alphabetical, to stay stable.
          if (!best || distance < best.distance || (distance === best.distance && (entry.docs > best.entry.docs || (entry.docs === best.entry.docs && entry.term < best.entry.term))))
            best = { entry, distance };
        }
      return best?.entry ?? null;
    },
  };
}

export type Correction = { from: string; to: string };

/**
 * Replaces each word that no indexed word starts with by the closest indexed word, when one is close
 * enough. Words already known are kept as they are, so a correct query never changes.
 */
export function correctTokens(tokens: string[], vocabulary: Vocabulary, typed: Map<string, string> = new Map()): { tokens: string[]; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const corrected = tokens.map((t) => {
    if (vocabulary.knows(t)) return t;
    const entry = vocabulary.closest(t);
    if (!entry) return t;
    corrections.push({ from: typed.get(t) ?? t, to: entry.display });
    return entry.term;
  });
  return { tokens: [...new Set(corrected)], corrections };
}

/** Each folded word of a query with the word as the person typed it, to quote her in a correction. */
export function typedWords(input: string): Map<string, string> {
  const typed = new Map<string, string>();
  for (const w of words(input.slice(0, 200))) if (!typed.has(fold(w))) typed.set(fold(w), w);
  return typed;
}

const quoted = (list: string[]) => {
  const q = list.map((w) => `«\u00a0${w}\u00a0»`);
  return q.length > 1 ? `${q.slice(0, -1).join(", ")} et ${q.at(-1)}` : q.join("");
};

/** What the page says when words were corrected: « identitovigilence » ne figure dans aucun contenu… */
export function correctionText(corrections: Correction[]): string {
  const many = corrections.length > 1;
  return `${quoted(corrections.map((c) => c.from))} ne figure${many ? "nt" : ""} dans aucun contenu\u00a0: résultats pour ${many ? "les mots les plus proches" : "le mot le plus proche"}, ${quoted(corrections.map((c) => c.to))}.`;
}

// --- Results --------------------------------------------------------------------------------------

/** Groups rows by kind, modules first, keeping each group's order; empty groups are left out. */
export function groupByKind<T extends { kind: SearchKind }>(rows: T[]): { kind: SearchKind; items: T[] }[] {
  return SEARCH_KINDS.map((kind) => ({ kind, items: rows.filter((r) => r.kind === kind) })).filter((g) => g.items.length > 0);
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("fr-FR")}\u00a0${n > 1 ? many : one}`;

/** The honest count of one group: « 3 résultats », or « 10 premiers sur 22 » when the list is cut. */
export function groupCount(shown: number, total: number): string {
  return shown < total ? `${shown.toLocaleString("fr-FR")}\u00a0premiers sur ${total.toLocaleString("fr-FR")}` : plural(total, "résultat", "résultats");
}

/** The honest count of a search: every document found, also those beyond the cut of each group. */
export function totalCount(total: number): string {
  return plural(total, "résultat", "résultats");
}

// --- Snippets and indexing ------------------------------------------------------------------------

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

/**
 * The usual written form of each folded word of some texts (its most frequent spelling, in lower case):
 * a correction is shown as « identitovigilance », « électrocardiogramme », not as the folded word.
 */
export function displayForms(texts: Iterable<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts)
    for (const w of words(text.normalize("NFC"))) {
      const lower = w.toLowerCase();
      const key = fold(lower);
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(lower, (forms.get(lower) ?? 0) + 1);
      counts.set(key, forms);
    }
  const result = new Map<string, string>();
  for (const [key, forms] of counts) result.set(key, [...forms.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);
  return result;
}
