// Glossary ordering and filtering rules, with no I/O.
import type { GlossaryEntry } from "~/content/glossary";
import { fold, words } from "./search";

/** The letter a term is filed under: accents, case, œ/æ (as search folds them) and leading punctuation ignored. */
export function initialOf(term: string): string {
  const letter = fold(term)
    .replace(/^[^a-z0-9]+/, "")
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(letter) ? letter : "#";
}

const collator = new Intl.Collator("fr", { sensitivity: "base", ignorePunctuation: true });

export function sortEntries(entries: GlossaryEntry[]): GlossaryEntry[] {
  return [...entries].sort((a, b) => collator.compare(a.term.replace(/^[^\p{L}\p{N}]+/u, ""), b.term.replace(/^[^\p{L}\p{N}]+/u, "")));
}

export function filterEntries(entries: GlossaryEntry[], filter: { category?: string; specialty?: string }): GlossaryEntry[] {
  return entries.filter((e) => (!filter.category || e.category === filter.category) && (!filter.specialty || e.specialties.includes(filter.specialty as never)));
}

/** Entries grouped by initial, in alphabetical order. */
export function groupByInitial(entries: GlossaryEntry[]): { letter: string; entries: GlossaryEntry[] }[] {
  const groups = new Map<string, GlossaryEntry[]>();
  for (const e of sortEntries(entries)) {
    const letter = initialOf(e.term);
    groups.set(letter, [...(groups.get(letter) ?? []), e]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([letter, list]) => ({ letter, entries: list }));
}

/** The glossary's index, one page each: terms starting with a digit or a sign ("#") first, then A to Z. */
export const GLOSSARY_LETTERS = ["#", ..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"] as const;

/** The value of `?lettre=` for a letter of the index ("0-9" for "#", which a URL would take for a fragment). */
export function letterParam(letter: string): string {
  return letter === "#" ? "0-9" : letter;
}

/** The letter a `?lettre=` value asks for (any case), or null when it is not one of the index. */
export function letterFromParam(param: string | null | undefined): string | null {
  const value = (param ?? "").trim().toUpperCase();
  if (value === "0-9") return "#";
  return /^[A-Z]$/.test(value) ? value : null;
}

/** How a letter of the index is shown. */
export function letterLabel(letter: string): string {
  return letter === "#" ? "0–9" : letter;
}

/**
 * The one way to link to a glossary entry from anywhere (a <Terme> popover, a fiche's vocabulary, the
 * search index): its letter's page and its anchor, e.g. /glossaire?lettre=O#oesophage for « Œsophage ».
 * The letter comes from the term, not the id (« Stimulateur cardiaque » has the id pacemaker).
 */
export function glossaryHref(entry: { id: string; term: string }): string {
  return `/glossaire?lettre=${letterParam(initialOf(entry.term))}#${entry.id}`;
}

/**
 * Entries matching what was typed in the glossary's search box, whatever their letter: every word of the
 * query (folded as search folds it) is found in the term, its expansion, an alias, the definition or the
 * example. Those found by their name (term, expansion, alias) come first, each part in alphabetical order.
 */
export function searchGlossary(entries: GlossaryEntry[], query: string): GlossaryEntry[] {
  const tokens = words(fold(query.slice(0, 200)));
  if (tokens.length === 0) return [];
  const has = (text: string) => tokens.every((t) => text.includes(t));
  const byName: GlossaryEntry[] = [];
  const byText: GlossaryEntry[] = [];
  for (const e of sortEntries(entries)) {
    const name = fold([e.term, e.expansion ?? "", ...e.aliases].join(" "));
    if (has(name)) byName.push(e);
    else if (has(`${name} ${fold([e.definition, e.example ?? ""].join(" "))}`)) byText.push(e);
  }
  return [...byName, ...byText];
}

/** At most this many entries on a search's page when no letter is chosen (the letters then narrow it down). */
export const GLOSSARY_SEARCH_LIMIT = 50;

export type GlossaryPage = {
  /** Every letter of the index with its number of entries (of the filtered set, or of the search's matches). */
  letters: { letter: string; count: number }[];
  /** The letter shown; null for a search's results across all letters. */
  letter: string | null;
  /** The entries shown, by letter. */
  groups: { letter: string; entries: GlossaryEntry[] }[];
  /** Number of matches of a search (all letters), null when browsing. */
  matches: number | null;
  /** True when a search across all letters has more matches than are shown. */
  truncated: boolean;
};

/**
 * One page of the glossary. Browsing (no query): the entries of one letter, the one asked for or else
 * the first letter from A to Z that has entries (0–9 only when no letter has, « A » when nothing has). Searching: the matches of every letter
 * (at most GLOSSARY_SEARCH_LIMIT, those found by name first), or of the letter asked for.
 */
export function glossaryPage(entries: GlossaryEntry[], params: { letter?: string | null; query?: string | null }): GlossaryPage {
  const query = params.query?.trim() ?? "";
  const pool = query ? searchGlossary(entries, query) : entries;
  const counts = new Map<string, number>();
  for (const e of pool) counts.set(initialOf(e.term), (counts.get(initialOf(e.term)) ?? 0) + 1);
  const letters = GLOSSARY_LETTERS.map((letter) => ({ letter, count: counts.get(letter) ?? 0 }));
  const asked = params.letter && (GLOSSARY_LETTERS as readonly string[]).includes(params.letter) ? params.letter : null;
  if (query) {
    const shown = asked ? pool.filter((e) => initialOf(e.term) === asked) : pool.slice(0, GLOSSARY_SEARCH_LIMIT);
    return { letters, letter: asked, groups: groupByInitial(shown), matches: pool.length, truncated: !asked && pool.length > GLOSSARY_SEARCH_LIMIT };
  }
  const letter = asked ?? letters.find((l) => l.count > 0 && l.letter !== "#")?.letter ?? letters.find((l) => l.count > 0)?.letter ?? "A";
  return { letters, letter, groups: groupByInitial(pool.filter((e) => initialOf(e.term) === letter)), matches: null, truncated: false };
}
