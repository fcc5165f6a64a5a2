// The format of interactive situations (content/situations/*.yaml) and its checks. Pure: no I/O.
import { z } from "~/utils/zod";

const text = z.string({ error: "texte attendu" }).trim().min(1, "texte vide");
const id = z.string().regex(/^[a-z0-9-]+$/, "identifiant : minuscules, chiffres et tirets");

const choiceSchema = z.strictObject({
  id,
  /** What she says or does. */
  text,
  /** What happens then, and why it is (or is not) the right move. */
  feedback: text,
  /** 2 the best move, 1 acceptable, 0 a mistake. */
  points: z.union([z.literal(0), z.literal(1), z.literal(2)], { error: "points : 0, 1 ou 2" }),
  next: id,
});

const stepSchema = z.strictObject({
  id,
  /** The scene at this step (what the caller says, what she sees). */
  text,
  choices: z.array(choiceSchema).max(4).default([]),
});

export const situationSchema = z
  .strictObject({
    id,
    title: text,
    block: z.enum(["gestion-information", "ecosysteme-soins", "competences-transversales"], { error: "bloc inconnu" }),
    /** The module whose page offers this situation. */
    module: id,
    competencies: z.array(id).min(1),
    summary: text,
    start: id,
    steps: z.array(stepSchema).min(3, "au moins trois étapes"),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    for (const step of s.steps) {
      if (ids.has(step.id)) ctx.addIssue({ code: "custom", message: `étape « ${step.id} » en double` });
      ids.add(step.id);
      if (step.choices.length === 1) ctx.addIssue({ code: "custom", message: `étape « ${step.id} » : un seul choix (il en faut deux au moins, ou aucun pour une fin)` });
      if (new Set(step.choices.map((c) => c.id)).size !== step.choices.length) ctx.addIssue({ code: "custom", message: `étape « ${step.id} » : deux choix ont le même identifiant` });
      for (const c of step.choices) if (!s.steps.some((t) => t.id === c.next)) ctx.addIssue({ code: "custom", message: `étape « ${step.id} », choix « ${c.id} » : étape suivante « ${c.next} » inconnue` });
      if (step.choices.length && !step.choices.some((c) => c.points === 2)) ctx.addIssue({ code: "custom", message: `étape « ${step.id} » : aucun choix n'est la bonne conduite (2 points)` });
    }
    if (!ids.has(s.start)) ctx.addIssue({ code: "custom", message: `étape de départ « ${s.start} » inconnue` });
    if (ctx.issues?.length) return;
    // Every step reachable, no loop (so that a path always ends), at least one ending.
    const byId = new Map(s.steps.map((t) => [t.id, t]));
    const seen = new Set<string>();
    const visiting = new Set<string>();
    const visit = (stepId: string): boolean => {
      if (visiting.has(stepId)) return false;
      if (seen.has(stepId)) return true;
      visiting.add(stepId);
      const ok = byId.get(stepId)!.choices.every((c) => visit(c.next));
      visiting.delete(stepId);
      seen.add(stepId);
      return ok;
    };
    if (!visit(s.start)) ctx.addIssue({ code: "custom", message: "le parcours revient sur une étape déjà passée (boucle)" });
    for (const step of s.steps) if (!seen.has(step.id)) ctx.addIssue({ code: "custom", message: `étape « ${step.id} » inaccessible depuis le départ` });
    if (!s.steps.some((t) => t.choices.length === 0)) ctx.addIssue({ code: "custom", message: "aucune fin (étape sans choix)" });
  });
export type Situation = z.infer<typeof situationSchema>;
