import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage } from "~/components/field";
import { QuizResult } from "~/components/quiz-result";
import { QuizSection } from "~/components/quiz-section";
import { UpdateNotice } from "~/components/update-notice";
import { getModule, getUpdateQuiz } from "~/content/modules.server";
import { markUpdated } from "~/models/progress.server";
import { pendingUpdate } from "~/models/updates.server";
import { notFound, requireUser } from "~/models/permissions.server";
import { standaloneQuizAction, standaloneQuizData } from "~/models/standalone-quiz.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} — Pivot` : "Mise à jour — Pivot" }];

/** The module, her pending update (if any) and the update quiz drawn from the changes since her version. */
async function load(userId: string, slug: string | undefined) {
  const module = slug ? getModule(slug) : undefined;
  if (!module?.quiz) notFound("Ce module n'existe pas. Retrouvez la liste des modules sur votre tableau de bord.");
  const update = await pendingUpdate({ userId, moduleId: module.frontmatter.id });
  // Without a pending update, past results are still shown against the whole bank.
  const quiz = getUpdateQuiz(module.frontmatter.id, update?.from ?? module.frontmatter.version)!;
  return { module, update, quiz };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { module, update, quiz } = await load(user.id, params.slug);
  return {
    ...(await standaloneQuizData(request, user.id, quiz)),
    module: { id: module.frontmatter.id, title: module.frontmatter.title, version: module.frontmatter.version },
    update: update ? { from: update.from, to: update.to, changes: update.changes } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { module, update, quiz } = await load(user.id, params.slug);
  if (!update)
    return data(
      { formError: "Aucune mise à jour n'est en attente pour vous sur ce module.", fieldErrors: {} as Record<string, string>, values: {} },
      { status: 409 },
    );
  return standaloneQuizAction(request, {
    userId: user.id,
    quiz,
    here: `/modules/${module.frontmatter.id}/mise-a-jour`,
    afterGrading: async (_attemptId, grade) => {
      if (grade.passed) await markUpdated({ userId: user.id, module });
    },
  });
}

export default function UpdateQuiz() {
  const { title, module, update, questionCount, passMark, openAttempt, attempts, result } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <nav aria-label="Fil d'Ariane" className="text-sm font-semibold">
          <Link to="/actualisation">Actualisation</Link> › <Link to={`/modules/${module.id}`}>{module.title}</Link>
        </nav>
        <h1 className="text-3xl font-bold leading-tight">{title}</h1>
      </header>
      {update ? (
        <UpdateNotice moduleId={module.id} heading={`Ce qui a changé depuis la version ${update.from}`} changes={update.changes}>
          <p>
            Lisez d'abord les passages concernés dans <Link to={`/modules/${module.id}`}>le module</Link>, puis répondez au quiz : une fois réussi, le module et
            ses compétences sont de nouveau à jour.
          </p>
        </UpdateNotice>
      ) : (
        <div className="card space-y-2 border-l-4 border-l-emerald-700">
          {actionData?.formError ? <FormMessage kind="error">{actionData.formError}</FormMessage> : null}
          <p className="font-semibold" role="status">
            Aucune mise à jour n'est en attente pour vous sur ce module (version {module.version}) : ce quiz s'adresse aux personnes qui l'ont terminé dans une
            version précédente.
          </p>
        </div>
      )}
      {result ? (
        <QuizResult result={result} passMark={passMark} passedMessage="Mise à jour validée : le module et ses compétences sont de nouveau à jour." />
      ) : null}
      {update ? (
        <QuizSection
          heading="Quiz de mise à jour"
          openAttempt={openAttempt}
          attempts={attempts}
          actionData={actionData}
          intro={
            <p>
              {questionCount} question{questionCount > 1 ? "s" : ""} sur ce qui a changé, seuil de réussite {passMark} %.
            </p>
          }
          startLabel="Commencer le quiz de mise à jour"
          restartLabel="Repasser le quiz de mise à jour"
        />
      ) : null}
    </article>
  );
}
