// Splits a content file into its YAML frontmatter and its body.
import { parse } from "yaml";

export type Split = { data: unknown; body: string; error?: string };

export function splitFrontmatter(source: string): Split {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: null, body: source, error: "frontmatter absent : le fichier doit commencer par --- (YAML) ---" };
  try {
    return { data: parse(match[1] ?? ""), body: source.slice(match[0].length) };
  } catch (error) {
    return { data: null, body: source.slice(match[0].length), error: `frontmatter illisible : ${(error as Error).message.split("\n")[0]}` };
  }
}

/** Capitalised JSX tags used in an MDX body, to check them against the component registry. */
export function jsxTagsIn(body: string): string[] {
  const withoutCode = body.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...new Set([...withoutCode.matchAll(/<\/?([A-Z][A-Za-z0-9]*)/g)].map((m) => m[1]!))];
}

export function countWords(body: string): number {
  const text = body
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/[#*_|>`-]+/g, " ")
    .trim();
  return text ? text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length : 0;
}
