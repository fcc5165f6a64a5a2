// Schemas of the small forms of the learning pages (pinning a fiche, grading a review card), parsed by
// the actions. A server module: the browser never receives them.
import { GRADE_VALUES } from "~/domain/review";
import { z } from "~/utils/zod";

/** Pin a fiche réflexe to the dashboard, or take it off. */
export const pinSchema = z.object({ intent: z.enum(["epingler", "retirer"]) });

/** The grade she gives herself on a review card. */
export const gradeSchema = z.object({
  cardKey: z.string().min(3).max(200),
  grade: z.coerce.number().refine((v) => (GRADE_VALUES as number[]).includes(v), "Note inconnue."),
});
