// Glossary ordering and filtering rules, with no I/O.
import type { GlossaryEntry } from "~/content/glossary";
import { fold } from "./search";

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
