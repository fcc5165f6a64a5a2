// Field schemas shared by every content file (modules, referential, glossary, fiches, path template).
import { z } from "~/utils/zod";

/** A non-empty French text. */
export const frText = z
  .string({ error: (issue) => (issue.input === undefined ? "champ obligatoire manquant" : "doit être un texte") })
  .trim()
  .min(1, "ne doit pas être vide");

/** An ASCII identifier: lowercase letters, digits and dashes. */
export const slug = z.string({ error: "doit être un texte" }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "identifiant invalide (minuscules, chiffres et tirets)");

export const semver = z.string({ error: "doit être une version, par exemple 1.0.0" }).regex(/^\d+\.\d+\.\d+$/, "doit être une version au format 1.0.0");

/** YAML turns unquoted dates into Date objects: accept both and keep an ISO date string. */
export const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: "doit être une date AAAA-MM-JJ" });
    return z.NEVER;
  }
  return date.toISOString().slice(0, 10);
});
