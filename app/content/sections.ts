// The sections of a module (its `##` headings) and, for each quiz question, the section that teaches it:
// the quiz result links a missed question to « Relire la section ». Pure: runs at content build time.
import { fold, plainText, words } from "~/domain/search";
import { slugify } from "~/utils/slug";

export type ModuleSection = { slug: string; title: string };
type SectionText = ModuleSection & { text: string };

/** The `##` sections of an MDX body, in order, with their text (code blocks ignored). */
export function sectionsOf(body: string): SectionText[] {
  const sections: SectionText[] = [];
  let inCode = false;
  for (const line of body.split("\n")) {
    if (/^\s*```/.test(line)) inCode = !inCode;
    const heading = inCode ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      const title = plainText(heading[1]!);
      sections.push({ slug: slugify(title), title, text: "" });
    } else if (sections.length) sections[sections.length - 1]!.text += `${line}\n`;
  }
  return sections.map((s) => ({ ...s, text: plainText(s.text) }));
}

const STOP = new Set(
  "avec dans pour plus sans sont cette elle elles leur leurs nous vous mais donc comme tout tous toute toutes faut peut doit quel quelle quels quelles quand alors aussi avant apres entre autre autres votre notre celui celle ceux chez sous".split(" "),
);

/** Meaningful words of a text, folded and crudely singularised, so « examens » meets « examen ». */
function terms(text: string): string[] {
  return words(fold(text))
    .filter((w) => w.length >= 4 && !STOP.has(w))
    .map((w) => (w.length > 4 ? w.replace(/[sx]$/, "") : w));
}

/**
 * The section whose words best match a question's text (its case, prompt, answers and explanation), by
 * BM25 over the module's sections (a heading's words count three times). A module of one section teaches
 * everything in it; otherwise null when nothing is shared.
 */
export function teachingSection(questionText: string, sections: SectionText[]): string | null {
  if (sections.length <= 1) return sections[0]?.slug ?? null;
  const docs = sections.map((s) => {
    const counts = new Map<string, number>();
    for (const t of [...terms(s.text), ...Array(3).fill(terms(s.title)).flat()]) counts.set(t, (counts.get(t) ?? 0) + 1);
    return { slug: s.slug, counts, length: [...counts.values()].reduce((a, b) => a + b, 0) };
  });
  const average = docs.reduce((a, d) => a + d.length, 0) / docs.length || 1;
  const query = new Set(terms(questionText));
  let best: { slug: string; score: number } | null = null;
  for (const d of docs) {
    let score = 0;
    for (const t of query) {
      const tf = d.counts.get(t) ?? 0;
      if (!tf) continue;
      const n = docs.filter((o) => o.counts.has(t)).length;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.length) / average));
    }
    if (score > 0 && (!best || score > best.score)) best = { slug: d.slug, score };
  }
  return best?.slug ?? null;
}
