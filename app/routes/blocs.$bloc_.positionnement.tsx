import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PositioningOutcome } from "~/components/positioning-outcome";
import { QuizResult } from "~/components/quiz-result";
import { BlockQuizHeader, QuizSection } from "~/components/quiz-section";
import { getPositioningTest } from "~/content/modules.server";

import { nextPositioning, personalPlans, recordPositioning } from "~/models/positioning.server";
import { requireUser } from "~/models/permissions.server";
import { blockQuizOr404, standaloneQuizAction, standaloneQuizData } from "~/models/standalone-quiz.server";
import { formatDay } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} — Pivot` : "Test de positionnement — Pivot" }];

/** Why the test of this block cannot be taken again yet (the waiting time of the rules), or null. */
async function retryMessage(userId: string, blockId: string) {
  const next = await nextPositioning({ userId, blockId });
  return next
    ? `Vous avez passé ce test récemment : vous pourrez le repasser à partir du ${formatDay(next.toISOString())}. D'ici là, suivez les modules de votre programme.`
    : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { quiz: test, block } = blockQuizOr404(getPositioningTest, params.bloc);
  const [quiz, plans, retry] = await Promise.all([
    standaloneQuizData(request, user.id, test),
    personalPlans(user.id, { blockIds: [block.id] }),
    retryMessage(user.id, block.id),
  ]);
  return { ...quiz, block, positioning: plans[0] ?? null, retry };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { quiz: test, block } = blockQuizOr404(getPositioningTest, params.bloc);
  return standaloneQuizAction(request, {
    userId: user.id,
    quiz: test,
    here: `/blocs/${block.id}/positionnement`,
    startBlocked: () => retryMessage(user.id, block.id),
    afterGrading: async (attemptId, grade) => {
      await recordPositioning({ userId: user.id, test, attemptId, results: grade.results });
    },
  });
}

export default function Positioning() {
  const { title, summary, block, questionCount, passMark, openAttempt, attempts, result, positioning, retry } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article className="space-y-8">
      <BlockQuizHeader block={block} title={title} summary={summary}>
        Ce test ne remplace pas l'évaluation du bloc. Vos réponses comptent toutefois comme réponses de quiz dans le{" "}
        <Link to="/certification">parcours certifiant</Link>, et une compétence maîtrisée y apparaît « validée par test ».
      </BlockQuizHeader>
      {positioning ? <PositioningOutcome positioning={positioning} /> : null}
      {result ? (
        <details className="card">
          <summary className="cursor-pointer font-semibold">Revoir chaque question du test, avec les explications</summary>
          <div className="mt-4">
            <QuizResult
              result={result}
              passMark={passMark}
              passedMessage="Toutes les réponses sont justes : le bloc entier est acquis."
              failedMessage="Votre programme personnalisé, ci-dessus, indique les modules à suivre ou à rafraîchir."
            />
          </div>
        </details>
      ) : null}
      <QuizSection
        heading="Le test"
        openAttempt={openAttempt}
        attempts={attempts}
        actionData={actionData}
        intro={
          <p>
            {questionCount} questions, autant sur chaque compétence du bloc et de plusieurs types. Répondez sans chercher : le but est de savoir ce que vous
            maîtrisez déjà. Comptez une demi-heure.
            {retry ? <strong className="mt-2 block">{retry}</strong> : null}
          </p>
        }
        startLabel="Commencer le test"
        restartLabel="Repasser le test"
        verdict={false}
      />
    </article>
  );
}
