// The quiz half of an action, shared by module pages, block assessments, positioning tests, update and
// renewal quizzes: start a draw, or grade it.
import { data, redirect } from "@remix-run/node";
import type { CompiledModule } from "~/content/build.server";
import type { Grade } from "~/domain/quiz";
import { issueCertificates } from "~/models/certificate-registry.server";
import { startAttempt, submitAttempt } from "~/models/progress.server";

export async function quizIntent(
  intent: "commencer" | "envoyer",
  input: {
    userId: string;
    module: CompiledModule;
    attemptId?: string;
    values: Record<string, string | string[]>;
    here: string;
    /** What the quiz's page does with a graded attempt (record a positioning, renew certificates…). */
    afterGrading?: (attemptId: string, grade: Grade) => Promise<void>;
  },
) {
  const { userId, module, values, here } = input;
  if (intent === "commencer") {
    if (!module.quiz) return data({ formError: "Ce module n'a pas encore de quiz.", fieldErrors: {} as Record<string, string>, values: {} }, { status: 400 });
    await startAttempt({ userId, module });
    return redirect(`${here}#quiz`);
  }
  const result = await submitAttempt({ userId, module, attemptId: input.attemptId ?? "", values });
  if (result.ok) {
    await input.afterGrading?.(result.attemptId, result.grade);
    if (result.grade.passed) await issueCertificates(userId); // a passed quiz may complete a block
    return redirect(`${here}?tentative=${result.attemptId}#resultat`);
  }
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith("q__")));
  return data({ formError: result.formError ?? null, fieldErrors: result.fieldErrors ?? {}, values: kept }, { status: result.status });
}
