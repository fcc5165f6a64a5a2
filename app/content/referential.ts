// The competency referential (RACE): schema and cross-checks. Pure: no I/O.
import { z } from "~/utils/zod";
import { frText, slug } from "./fields";
import { LEVELS, type Level } from "~/domain/vocabulary";
import { BLOCK_IDS } from "./module-schema";

const text = frText;
const id = slug;

export const ASSESSMENTS = ["quiz", "observation", "both"] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

const levelRequirement = z
  .strictObject({
    criteria: z.array(text).min(1, "au moins un critère observable"),
    assessment: z.enum(ASSESSMENTS, { error: "assessment doit valoir quiz, observation ou both" }),
    observations: z.number().int().min(1).max(5).optional(),
  })
  .superRefine((level, ctx) => {
    if (level.assessment !== "quiz" && level.observations === undefined)
      ctx.addIssue({ code: "custom", path: ["observations"], message: "nombre d'observations requis quand l'évaluation passe par le tuteur" });
    if (level.assessment === "quiz" && level.observations !== undefined)
      ctx.addIssue({ code: "custom", path: ["observations"], message: "observations sans objet pour une évaluation par quiz" });
  });

export const competencySchema = z.strictObject({
  id,
  title: text,
  description: text,
  studyItem: text,
  activities: z.array(z.string()).min(1, "au moins une activité de la fiche métier"),
  validityYears: z.number().int().min(1).max(10).optional(),
  levels: z.strictObject({ generales: levelRequirement, operationnelles: levelRequirement, approfondies: levelRequirement }),
});

export const referentialSchema = z
  .strictObject({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title: text,
    levels: z
      .array(z.strictObject({ id: z.enum(LEVELS), label: text, shortLabel: text, description: text }))
      .length(3, "exactement trois niveaux"),
    activities: z.array(z.strictObject({ id: z.string().regex(/^a\d+$/, "identifiant d'activité a1, a2…"), title: text })).min(1),
    blocks: z
      .array(
        z.strictObject({
          id: z.enum(BLOCK_IDS),
          number: z.number().int().min(1).max(3),
          title: text,
          description: text,
          competencies: z.array(competencySchema).min(1),
        }),
      )
      .length(3, "exactement trois blocs"),
    complements: z
      .array(z.strictObject({ id, title: text, description: text, activities: z.array(z.string()).default([]) }))
      .default([]),
  })
  .superRefine((ref, ctx) => {
    const activityIds = new Set(ref.activities.map((a) => a.id));
    const seen = new Set<string>();
    ref.blocks.forEach((block, b) =>
      block.competencies.forEach((c, i) => {
        if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: ["blocks", b, "competencies", i, "id"], message: `compétence « ${c.id} » en double` });
        seen.add(c.id);
        c.activities.forEach((a) => {
          if (!activityIds.has(a))
            ctx.addIssue({ code: "custom", path: ["blocks", b, "competencies", i, "activities"], message: `activité « ${a} » inconnue` });
        });
      }),
    );
    ref.complements.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: ["complements", i, "id"], message: `identifiant « ${c.id} » en double` });
      c.activities.forEach((a) => {
        if (!activityIds.has(a)) ctx.addIssue({ code: "custom", path: ["complements", i, "activities"], message: `activité « ${a} » inconnue` });
      });
    });
    const blockIds = ref.blocks.map((b) => b.id);
    if (new Set(blockIds).size !== blockIds.length) ctx.addIssue({ code: "custom", path: ["blocks"], message: "deux blocs ont le même identifiant" });
  });

export type Referential = z.infer<typeof referentialSchema>;
export type Competency = z.infer<typeof competencySchema>;
export type LevelRequirement = Competency["levels"][Level];

export function competencyIndex(ref: Referential) {
  const index = new Map<string, Competency & { blockId: (typeof BLOCK_IDS)[number] }>();
  for (const block of ref.blocks) for (const c of block.competencies) index.set(c.id, { ...c, blockId: block.id });
  return index;
}
