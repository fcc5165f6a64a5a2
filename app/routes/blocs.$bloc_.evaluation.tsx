import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { QuizResult } from "~/components/quiz-result";
import { StandaloneQuiz } from "~/components/standalone-quiz";
import { getBlock, getBlockAssessment } from "~/content/modules.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { standaloneQuizAction, standaloneQuizData } from "~/utils/standalone-quiz.server";

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
  return { ...(await standaloneQuizData(request, user.id, assessment)), block: { id: block.id, number: block.number, title: block.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const assessment = loadAssessment(params.bloc);
  return standaloneQuizAction(request, { userId: user.id, quiz: assessment, here: `/blocs/${assessment.frontmatter.block}/evaluation` });
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
      <StandaloneQuiz
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
