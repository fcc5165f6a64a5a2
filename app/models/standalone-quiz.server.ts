// Loader and action halves shared by the quizzes that are not modules: block assessments, positioning
// tests, update quizzes and renewal quizzes. The route checks who may be there and what the quiz is.
import { data } from "@remix-run/node";
import type { CompiledModule } from "~/content/build.server";
import { getBlock } from "~/content/modules.server";
import type { Grade } from "~/domain/quiz";
import { attemptResult, getOpenAttempt, getSubmittedAttempt, listAttempts } from "~/models/progress.server";
import { notFound } from "~/models/permissions.server";
import { formDataToObject } from "~/utils/forms";
import { QUIZ_INTENTS } from "~/forms/quiz.server";
import { quizIntent } from "./quiz-action.server";
import { z } from "~/utils/zod";
import { readForm } from "~/utils/http.server";

export async function standaloneQuizData(request: Request, userId: string, quiz: CompiledModule) {
  const attemptParam = new URL(request.url).searchParams.get("tentative");
  const [openAttempt, attempts, shown] = await Promise.all([
    getOpenAttempt({ userId, module: quiz }),
    listAttempts({ userId, moduleId: quiz.frontmatter.id }),
    attemptParam ? getSubmittedAttempt({ userId, attemptId: attemptParam }) : Promise.resolve(null),
  ]);
  if (attemptParam && (!shown || shown.moduleId !== quiz.frontmatter.id)) notFound("Ce résultat est introuvable : il n'existe pas ou ne vous appartient pas.");
  return {
    title: quiz.frontmatter.title,
    summary: quiz.frontmatter.summary,
    questionCount: quiz.quiz!.drawCount,
    passMark: quiz.quiz!.passMark,
    best: attempts.reduce<number | null>((best, a) => (a.score !== null && (best === null || a.score > best) ? a.score : best), null),
    openAttempt,
    attempts,
    result: shown ? attemptResult(quiz, shown) : null,
  };
}

const intentSchema = z.discriminatedUnion("intent", [...QUIZ_INTENTS]);

export async function standaloneQuizAction(
  request: Request,
  input: {
    userId: string;
    quiz: CompiledModule;
    here: string;
    afterGrading?: (attemptId: string, grade: Grade) => Promise<void>;
    /** Why a new attempt may not start now (a waiting time), or null. */
    startBlocked?: () => Promise<string | null>;
  },
) {
  const values = formDataToObject(await readForm(request));
  const parsed = intentSchema.safeParse(values);
  if (!parsed.success)
    return data({ formError: "Action non reconnue. Rechargez la page et réessayez.", fieldErrors: {} as Record<string, string>, values: {} }, { status: 400 });
  const blocked = parsed.data.intent === "commencer" ? await input.startBlocked?.() : null;
  if (blocked) return data({ formError: blocked, fieldErrors: {} as Record<string, string>, values: {} }, { status: 409 });
  return quizIntent(parsed.data.intent, {
    userId: input.userId,
    module: input.quiz,
    attemptId: "attemptId" in parsed.data ? parsed.data.attemptId : undefined,
    values,
    here: input.here,
    afterGrading: input.afterGrading,
  });
}

/** A block's own quiz (final assessment or positioning test) for its page, or a French 404. */
export function blockQuizOr404(get: (blockId: string) => CompiledModule | undefined, blockId: string | undefined) {
  const quiz = blockId ? get(blockId) : undefined;
  if (!quiz) notFound("Ce bloc n'existe pas. Retrouvez les trois blocs sur la page « Blocs ».");
  const block = getBlock(quiz.frontmatter.block)!;
  return { quiz, block: { id: block.id, number: block.number, title: block.title } };
}
