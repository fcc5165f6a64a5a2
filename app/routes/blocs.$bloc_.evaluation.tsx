import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { QuizForm } from "~/components/quiz-form";
import { AttemptsTable, QuizResult } from "~/components/quiz-result";
import { getBlock, getBlockAssessment } from "~/content/modules.server";
import { attemptResult, getOpenAttempt, getSubmittedAttempt, listAttempts } from "~/models/progress.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { formDataToObject } from "~/utils/forms";
import { quizIntent } from "~/utils/quiz-action.server";
import { z } from "~/utils/zod";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} — Pivot` : "Évaluation de bloc — Pivot" }];

function loadAssessment(blockId: string | undefined) {
  const assessment = blockId ? getBlockAssessment(blockId) : undefined;
  if (!assessment) notFound("Ce bloc n'existe pas. Retrouvez les trois blocs sur la page « Blocs ».");
  return assessment;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const assessment = loadAssessment(params.bloc);
  const block = getBlock(assessment.frontmatter.block)!;
  const attemptParam = new URL(request.url).searchParams.get("tentative");
  const [openAttempt, attempts, shown] = await Promise.all([
    getOpenAttempt(user.id, assessment),
    listAttempts(user.id, assessment.frontmatter.id),
    attemptParam ? getSubmittedAttempt(user.id, attemptParam) : Promise.resolve(null),
  ]);
  if (attemptParam && (!shown || shown.moduleId !== assessment.frontmatter.id)) notFound("Ce résultat d'évaluation est introuvable.");
  return {
    title: assessment.frontmatter.title,
    summary: assessment.frontmatter.summary,
    block: { id: block.id, number: block.number, title: block.title },
    questionCount: assessment.quiz!.drawCount,
    passMark: assessment.quiz!.passMark,
    best: attempts.reduce<number | null>((best, a) => (a.score !== null && (best === null || a.score > best) ? a.score : best), null),
    openAttempt,
    attempts,
    result: shown ? attemptResult(assessment, shown) : null,
  };
}

const intentSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("commencer") }), z.object({ intent: z.literal("envoyer"), attemptId: z.string().min(1).max(100) })]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const assessment = loadAssessment(params.bloc);
  const values = formDataToObject(await request.formData());
  const parsed = intentSchema.safeParse(values);
  if (!parsed.success) return data({ formError: "Action non reconnue. Rechargez la page et réessayez.", fieldErrors: {} as Record<string, string>, values: {} }, { status: 400 });
  const here = `/blocs/${assessment.frontmatter.block}/evaluation`;
  return quizIntent(parsed.data.intent, { userId: user.id, module: assessment, attemptId: "attemptId" in parsed.data ? parsed.data.attemptId : undefined, values, here });
}

export default function BlockAssessment() {
  const { title, summary, block, questionCount, passMark, best, openAttempt, attempts, result } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <nav aria-label="Fil d'Ariane" className="text-sm font-semibold">
          <Link to="/blocs">Blocs de compétences</Link> › <Link to={`/blocs/${block.id}`}>Bloc {block.number} — {block.title}</Link>
        </nav>
        <h1 className="text-3xl font-bold leading-tight">{title}</h1>
        <p className="text-lg text-slate-700">{summary}</p>
        <p className="text-sm">
          Seuil de réussite : {passMark} %. {best !== null ? <strong>Meilleur score : {best} %.</strong> : "Aucune tentative pour l'instant."} Réussir cette évaluation fait partie de la validation du bloc dans le{" "}
          <Link to="/certification">parcours certifiant</Link>.
        </p>
      </header>
      {result ? <QuizResult result={result} passMark={passMark} passedMessage="Évaluation réussie : elle compte pour la validation du bloc." /> : null}
      <section id="quiz" aria-labelledby="quiz-titre" className="space-y-4" tabIndex={-1}>
        <h2 id="quiz-titre" className="text-2xl font-bold">
          Évaluation
        </h2>
        {openAttempt ? (
          <QuizForm key={openAttempt.id} attemptId={openAttempt.id} questions={openAttempt.questions} passMark={openAttempt.passMark} values={actionData?.values} serverErrors={actionData?.fieldErrors} formError={actionData?.formError} />
        ) : (
          <Form method="post" className="card space-y-3">
            {actionData?.formError ? (
              <p role="alert" className="font-semibold text-red-800">
                {actionData.formError}
              </p>
            ) : null}
            <p>{questionCount} questions tirées au hasard parmi celles de tous les modules du bloc. Prévoyez une trentaine de minutes au calme.</p>
            <button type="submit" name="intent" value="commencer" className="btn-primary">
              {attempts.length > 0 ? "Refaire l'évaluation" : "Commencer l'évaluation"}
            </button>
          </Form>
        )}
        <AttemptsTable attempts={attempts} />
      </section>
    </article>
  );
}
