import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PositioningOutcome } from "~/components/positioning-outcome";
import { QuizResult } from "~/components/quiz-result";
import { StandaloneQuiz } from "~/components/standalone-quiz";
import { getBlock, getPositioningTest } from "~/content/modules.server";
import { personalPlans, recordPositioning } from "~/models/positioning.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { standaloneQuizAction, standaloneQuizData } from "~/utils/standalone-quiz.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} — Pivot` : "Test de positionnement — Pivot" }];

function loadTest(blockId: string | undefined) {
  const test = blockId ? getPositioningTest(blockId) : undefined;
  if (!test) notFound("Ce bloc n'existe pas. Retrouvez les trois blocs sur la page « Blocs ».");
  return test;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const test = loadTest(params.bloc);
  const block = getBlock(test.frontmatter.block)!;
  const [quiz, plans] = await Promise.all([standaloneQuizData(request, user.id, test), personalPlans(user.id)]);
  return { ...quiz, block: { id: block.id, number: block.number, title: block.title }, positioning: plans.find((p) => p.blockId === block.id) ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const test = loadTest(params.bloc);
  return standaloneQuizAction(request, {
    userId: user.id,
    quiz: test,
    here: `/blocs/${test.frontmatter.block}/positionnement`,
    afterGrading: async (attemptId, grade) => {
      await recordPositioning(user.id, test, attemptId, grade.results);
    },
  });
}

export default function Positioning() {
  const { title, summary, block, questionCount, openAttempt, attempts, result, positioning } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <nav aria-label="Fil d'Ariane" className="text-sm font-semibold">
          <Link to="/blocs">Blocs de compétences</Link> › <Link to={`/blocs/${block.id}`}>Bloc {block.number} — {block.title}</Link>
        </nav>
        <h1 className="text-3xl font-bold leading-tight">{title}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{summary}</p>
        <p className="max-w-3xl text-sm">
          Ce test ne remplace pas l'évaluation du bloc. Vos réponses comptent toutefois comme réponses de quiz dans le <Link to="/certification">parcours certifiant</Link>, et une compétence
          maîtrisée y apparaît « validée par test ».
        </p>
      </header>
      {positioning ? <PositioningOutcome positioning={positioning} /> : null}
      {result ? (
        <details className="card">
          <summary className="cursor-pointer font-semibold">Revoir chaque question du test, avec les explications</summary>
          <div className="mt-4">
            <QuizResult
              result={result}
              passMark={100}
              passedMessage="Toutes les réponses sont justes : le bloc entier est acquis."
              failedMessage="Votre programme personnalisé, ci-dessus, indique les modules à suivre ou à rafraîchir."
            />
          </div>
        </details>
      ) : null}
      <StandaloneQuiz
        heading="Le test"
        openAttempt={openAttempt}
        attempts={attempts}
        actionData={actionData}
        intro={
          <p>
            {questionCount} questions, autant sur chaque compétence du bloc. Répondez sans chercher : le but est de savoir ce que vous maîtrisez déjà. Comptez une vingtaine de minutes.
          </p>
        }
        startLabel="Commencer le test"
        restartLabel="Repasser le test"
        verdict={false}
      />
    </article>
  );
}
