// The glossary and the fiches réflexes: schemas and checks. Pure: no I/O. Used by the build and the
// server; the pages take their labels from ./glossary-labels, which does not bring zod to the browser.
import { z } from "~/utils/zod";
import { frText, isoDate, slug } from "./fields";
import { FICHE_SECTIONS, GLOSSARY_CATEGORIES, SPECIALTY_IDS, type GlossaryCategory } from "./glossary-labels";

export { FICHE_SECTIONS, GLOSSARY_CATEGORIES, SPECIALTIES, SPECIALTY_IDS, type GlossaryCategory, type SpecialtyId } from "./glossary-labels";

const CATEGORY_IDS = GLOSSARY_CATEGORIES.map((c) => c.id) as [GlossaryCategory, ...GlossaryCategory[]];

const text = frText;


export const glossaryEntrySchema = z
  .strictObject({
    id: slug,
    term: text,
    expansion: text.optional(),
    category: z.enum(CATEGORY_IDS, { error: `catégorie inconnue (${CATEGORY_IDS.join(", ")})` }),
    definition: text,
    specialties: z.array(z.enum(SPECIALTY_IDS, { error: "spécialité inconnue" })).default([]),
    example: text.optional(),
    aliases: z.array(text).default([]),
    /** The red flag this term is (content/alertes.yaml): its conduct is shown from the registry, never written here. */
    alerte: slug.optional(),
  })
  .superRefine((e, ctx) => {
    if ((e.category === "abreviation" || e.category === "administratif") && !e.expansion && /^[A-Z][A-Z0-9]+/.test(e.term))
      ctx.addIssue({ code: "custom", path: ["expansion"], message: "un sigle doit avoir sa forme développée (expansion)" });
  });
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export const glossarySchema = z
  .strictObject({ entries: z.array(glossaryEntrySchema).min(1) })
  .superRefine((g, ctx) => {
    const ids = new Map<string, number>();
    const terms = new Map<string, number>();
    g.entries.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: "custom", path: ["entries", i, "id"], message: `identifiant « ${e.id} » en double` });
      ids.set(e.id, i);
      const key = e.term.toLocaleLowerCase("fr");
      if (terms.has(key)) ctx.addIssue({ code: "custom", path: ["entries", i, "term"], message: `terme « ${e.term} » en double` });
      terms.set(key, i);
    });
  });
export type Glossary = z.infer<typeof glossarySchema>;

export const ficheFrontmatterSchema = z.strictObject({
  id: z.enum(SPECIALTY_IDS, { error: "la fiche doit porter l'identifiant d'une spécialité connue" }),
  title: text,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "doit être une version au format 1.0.0"),
  updated: isoDate,
  reviewDate: isoDate,
  author: text,
  validatedBy: text,
  summary: text,
  vocabulary: z.array(slug).min(15, "au moins 15 termes de vocabulaire").max(24, "au plus 24 termes de vocabulaire (la fiche doit tenir sur deux pages A4)"),
  /** The fiche's red flags, by id in content/alertes.yaml (the registry holds their wording and conduct). */
  alertes: z.array(slug).min(2, "au moins 2 signes d'alerte du registre"),
  changelog: z.array(z.strictObject({ version: z.string().regex(/^\d+\.\d+\.\d+$/), date: isoDate, changes: text })).min(1),
});
export type FicheFrontmatter = z.infer<typeof ficheFrontmatterSchema>;

/** Problems with the `##` headings of a fiche body (missing, extra or out of order). */
export function ficheSectionProblems(body: string): string[] {
  const headings = [...body.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1]!.replace(/\s+/g, " "));
  const problems: string[] = [];
  for (const s of FICHE_SECTIONS) if (!headings.includes(s)) problems.push(`section « ${s} » absente`);
  for (const h of headings) if (!(FICHE_SECTIONS as readonly string[]).includes(h)) problems.push(`section « ${h} » hors modèle`);
  const inTemplate = headings.filter((h) => (FICHE_SECTIONS as readonly string[]).includes(h));
  const expected = FICHE_SECTIONS.filter((s) => inTemplate.includes(s));
  if (inTemplate.join("|") !== expected.join("|")) problems.push(`sections dans le désordre (ordre attendu : ${FICHE_SECTIONS.join(", ")})`);
  return problems;
}

/** Glossary ids referenced by <Terme id="…"> in an MDX body. */
export function termIdsIn(body: string): string[] {
  return [...new Set([...body.matchAll(/<Terme\s+id=["']([^"']+)["']/g)].map((m) => m[1]!))];
}
