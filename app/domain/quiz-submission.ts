// The schema of a quiz submission, the only zod schema the browser runs (the quiz form checks its
// answers with it, loading this module on demand). Written with zod/mini and its functions imported by
// name, with the French messages of zod/v4/locales/fr.js only: the browser gets the few checks used
// here, not zod's full API and every locale. The server parses the same schema
// (app/models/progress.server.ts).
import { array, object, pipe, refine, string, superRefine, transform, trim, minLength, maxLength, type ZodMiniType } from "zod/mini";
import { config } from "zod/v4/core";
import fr from "zod/v4/locales/fr.js";
import { fieldName, parseFrenchNumber, QUIZ_MESSAGES, type PublicQuestion } from "./quiz";

config(fr());
// In the browser, no compiled fast path: it needs `new Function`, which the Content-Security-Policy forbids
// (no 'unsafe-eval'); even zod's probe for it would be reported as a violation.
if (typeof document !== "undefined") config({ jitless: true });

/**
 * One zod schema per drawn quiz, used by the quiz form in the browser and by the action on the
 * server: every question must be answered, and answers must be among the presented values.
 * Raw values are strings (or string arrays for multiple choice), as a form sends them.
 */
export function submissionSchema(questions: PublicQuestion[]) {
  const shape: Record<string, ZodMiniType> = {};
  const required = "Répondez à cette question.";
  for (const q of questions) {
    const values = (q.choices ?? []).map((c) => c.value);
    switch (q.type) {
      case "single":
      case "truefalse":
        shape[fieldName(q.id)] = string({ error: required }).check(refine((v) => values.includes(v), QUIZ_MESSAGES.unknown));
        break;
      case "multiple":
        // A form sends nothing, one value or several.
        shape[fieldName(q.id)] = pipe(
          transform((v: unknown) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : [])),
          array(string()),
        ).check(
          refine((v) => v.length > 0, "Cochez au moins une réponse."),
          refine((v) => v.every((x) => values.includes(x)) && new Set(v).size === v.length, QUIZ_MESSAGES.unknown),
        );
        break;
      case "matching": {
        const rights = (q.right ?? []).map((r) => r.value);
        for (const row of q.left ?? [])
          shape[fieldName(q.id, row.key)] = string({ error: "Choisissez une association." }).check(
            minLength(1, "Choisissez une association."),
            refine((v) => v === "" || rights.includes(v), QUIZ_MESSAGES.unknown),
          );
        break;
      }
      case "ordering": {
        const positions = (q.left ?? []).map((_, i) => String(i + 1));
        for (const row of q.left ?? [])
          shape[fieldName(q.id, row.key)] = string({ error: "Choisissez une position." }).check(
            minLength(1, "Choisissez une position."),
            refine((v) => v === "" || positions.includes(v), QUIZ_MESSAGES.unknown),
          );
        break;
      }
      case "numeric":
        shape[fieldName(q.id)] = string({ error: required }).check(
          trim(),
          minLength(1, required),
          refine((v) => parseFrenchNumber(v) !== null, "Saisissez un nombre, par exemple 12 ou 2,5."),
        );
        break;
      case "text":
        shape[fieldName(q.id)] = string({ error: required }).check(trim(), minLength(1, required), maxLength(200, "Réponse trop longue (200 caractères au plus)."));
        break;
    }
  }
  return object(shape).check(
    superRefine(
      (values, ctx) => {
        // Each position of an ordering question may be used once. Empty selects are missing answers,
        // reported as such above, not duplicates of each other.
        for (const q of questions) {
          if (q.type !== "ordering") continue;
          const chosen = (q.left ?? []).map((row) => values[fieldName(q.id, row.key)]).filter((v) => typeof v === "string" && v !== "");
          if (new Set(chosen).size !== chosen.length) ctx.addIssue({ code: "custom", path: [fieldName(q.id)], message: QUIZ_MESSAGES.duplicatePosition });
        }
      },
      // Also when another question has no answer at all, so that one submission reports every problem.
      { when: (payload) => typeof payload.value === "object" && payload.value !== null },
    ),
  );
}
