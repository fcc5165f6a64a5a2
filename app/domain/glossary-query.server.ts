// The glossary's query string: filters, letter, search and the entry a link asks for. Unknown or
// malformed values are ignored rather than refused: the page stays useful. A server module, so that zod
// never reaches the browser (the page parses its query in its loader).
import { GLOSSARY_CATEGORIES, SPECIALTIES } from "~/content/glossary-labels";
import { z } from "~/utils/zod";
import { letterFromParam } from "./glossary";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional()).catch(undefined);

export const glossaryQuerySchema = z.object({
  categorie: optional(z.enum(GLOSSARY_CATEGORIES.map((c) => c.id))),
  specialite: optional(z.enum(SPECIALTIES.map((s) => s.id))),
  /** "A"…"Z" or "0-9", any case; kept as the letter of the index ("#" for 0-9). */
  lettre: optional(z.string().transform((v, ctx) => letterFromParam(v) ?? (ctx.addIssue({ code: "custom", message: "lettre inconnue" }), z.NEVER))),
  q: optional(z.string().trim().max(100)),
  /** An entry's id: the loader sends to its letter's page, at its anchor. */
  terme: optional(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100)),
});
export type GlossaryQuery = z.infer<typeof glossaryQuerySchema>;

export function parseGlossaryQuery(search: URLSearchParams): GlossaryQuery {
  return glossaryQuerySchema.parse(Object.fromEntries(search.entries()));
}
