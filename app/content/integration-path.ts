// The integration path template (content/parcours-integration.yaml): phases and steps, validated by zod.
// Pure (no I/O): used by the build, by content:check and by the tests.
import { z } from "~/utils/zod";
import { frText, slug } from "./fields";
import { STEP_KIND_IDS } from "./path-steps";

export { phaseDayProblem, STEP_KIND_IDS, STEP_KINDS, type StepKind } from "./path-steps";

/** The study's invariants: what every integration path must cover. */
export const INVARIANTS = [
  { id: "metier", label: "Le métier : missions, activités, compétences attendues" },
  { id: "environnement", label: "L'environnement de travail : service, pôle, spécialité" },
  { id: "interlocuteurs", label: "Les interlocuteurs clés" },
  { id: "parcours-patient", label: "Ce qu'exige un parcours patient de qualité" },
  { id: "relationnel", label: "L'attitude relationnelle attendue" },
] as const;
const INVARIANT_IDS = INVARIANTS.map((i) => i.id) as [string, ...string[]];

const text = frText;

export const pathStepSchema = z.strictObject({
  id: slug,
  phase: slug,
  kind: z.enum(STEP_KIND_IDS, { error: `type d'étape inconnu (${STEP_KIND_IDS.join(", ")})` }),
  title: text,
  description: text,
  /** Days from the hire date (negative: before arrival). */
  dueDay: z.number({ error: "dueDay doit être un nombre de jours" }).int().min(-60).max(400),
  requiresTutor: z.boolean().default(false),
  module: slug.optional(),
  fiche: slug.optional(),
  invariants: z.array(z.enum(INVARIANT_IDS, { error: "invariant inconnu" })).default([]),
});
export type PathStepTemplate = z.infer<typeof pathStepSchema>;

export const pathTemplateSchema = z
  .strictObject({
    title: text,
    phases: z
      .array(
        z.strictObject({
          id: slug,
          title: text,
          /** The due days a step of this phase may have (from the hire date): « Avant l'arrivée » cannot be day 120. */
          days: z.strictObject({ from: z.number().int(), to: z.number().int() }).optional(),
        }),
      )
      .min(1),
    steps: z.array(pathStepSchema).min(1),
  })
  .superRefine((t, ctx) => {
    const phases = new Set(t.phases.map((p) => p.id));
    const seen = new Set<string>();
    t.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["steps", i, "id"], message: `étape « ${s.id} » en double` });
      seen.add(s.id);
      if (!phases.has(s.phase)) ctx.addIssue({ code: "custom", path: ["steps", i, "phase"], message: `phase « ${s.phase} » inconnue` });
      const window = t.phases.find((p) => p.id === s.phase)?.days;
      if (window && (s.dueDay < window.from || s.dueDay > window.to))
        ctx.addIssue({ code: "custom", path: ["steps", i, "dueDay"], message: `jour ${s.dueDay} hors de la phase « ${s.phase} » (du jour ${window.from} au jour ${window.to})` });
      if (s.kind === "module" && !s.module) ctx.addIssue({ code: "custom", path: ["steps", i, "module"], message: "une étape « module » doit nommer son module" });
      if (s.kind !== "module" && s.module) ctx.addIssue({ code: "custom", path: ["steps", i, "module"], message: "seule une étape « module » nomme un module" });
    });
    for (const inv of INVARIANTS)
      if (!t.steps.some((s) => s.invariants.includes(inv.id)))
        ctx.addIssue({ code: "custom", path: ["steps"], message: `aucune étape ne couvre l'invariant « ${inv.label} »` });
  });
export type PathTemplate = z.infer<typeof pathTemplateSchema>;

/** The certifying pathway's rules (content/certification.yaml). */
export const certificationRulesSchema = z.strictObject({
  pathway: z.strictObject({ id: slug, title: text }),
  quiz: z.strictObject({ passMark: z.number().int().min(50).max(100), minQuestions: z.number().int().min(1).max(20) }),
  blockAssessment: z.strictObject({ questions: z.number().int().min(5).max(60), passMark: z.number().int().min(50).max(100) }),
  validity: z.strictObject({ defaultYears: z.number().int().min(1).max(10), warningDays: z.number().int().min(7).max(365) }),
  positioning: z
    .strictObject({
      questionsPerCompetency: z.number().int().min(1).max(10),
      /** A competency is "validée par test" only when its questions were of at least this many types. */
      minTypes: z.number().int().min(1).max(7).default(1),
      /** Days to wait before taking the same block's positioning test again. */
      retryAfterDays: z.number().int().min(0).max(365).default(0),
      masteryMark: z.number().int().min(50).max(100),
      consolidateMark: z.number().int().min(0).max(100),
    })
    .refine((p) => p.consolidateMark < p.masteryMark, { message: "consolidateMark doit être inférieur à masteryMark" }),
  renewal: z.strictObject({ questions: z.number().int().min(3).max(40), passMark: z.number().int().min(50).max(100) }),
});
export type CertificationRulesFile = z.infer<typeof certificationRulesSchema>;
