import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { QuizResult } from "~/components/quiz-result";
import { BlockQuizHeader, QuizSection } from "~/components/quiz-section";
import { getBlockAssessment } from "~/content/modules.server";
import { requireUser } from "~/models/permissions.server";
import { blockQuizOr404, standaloneQuizAction, standaloneQuizData } from "~/models/standalone-quiz.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} — Pivot` : "Évaluation de bloc — Pivot" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { quiz, block } = blockQuizOr404(getBlockAssessment, params.bloc);
  return { ...(await standaloneQuizData(request, user.id, quiz)), block };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { quiz, block } = blockQuizOr404(getBlockAssessment, params.bloc);
  return standaloneQuizAction(request, { userId: user.id, quiz, here: `/blocs/${block.id}/evaluation` });
}

export default function BlockAssessment() {
  const { title, summary, block, questionCount, passMark, best, openAttempt, attempts, result } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article className="space-y-8">
      <BlockQuizHeader block={block} title={title} summary={summary}>
          Seuil de réussite : {passMark} %. {best !== null ? <strong>Meilleur score : {best} %.</strong> : "Aucune tentative pour l'instant."} Réussir cette évaluation fait partie de la validation du bloc dans le{" "}
          <Link to="/certification">parcours certifiant</Link>.
      </BlockQuizHeader>
      {result ? <QuizResult result={result} passMark={passMark} passedMessage="Évaluation réussie : elle compte pour la validation du bloc." /> : null}
      <QuizSection
        heading="Évaluation"
        openAttempt={openAttempt}
        attempts={attempts}
        actionData={actionData}
        intro={<p>{questionCount} questions tirées au hasard parmi celles de tous les modules du bloc. Prévoyez une trentaine de minutes au calme.</p>}
        startLabel="Commencer l'évaluation"
        restartLabel="Refaire l'évaluation"
      />
    </article>
  );
}
