import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { MdxHtml } from "~/components/mdx-html";
import { StatusBadge } from "~/components/progress-bar";
import { QuizResult } from "~/components/quiz-result";
import { QuizSection } from "~/components/quiz-section";
import { UpdateNotice } from "~/components/update-notice";
import { pageBody, getBlock, getCompetency, getModule, getReferential, neighbours, listSituations } from "~/content/modules.server";
import { MODULE_STATE_LABELS, moduleState } from "~/domain/progress";
import { attemptResult, getOpenAttempt, getProgress, getSubmittedAttempt, listAttempts, markRead } from "~/models/progress.server";
import { moduleIntentSchema } from "~/forms/quiz.server";
import { quizIntent } from "~/models/quiz-action.server";
import { pendingUpdate } from "~/models/updates.server";
import { notFound, requireUser } from "~/models/permissions.server";
import { formDataToObject } from "~/utils/forms";
import { isDocumentRequest, readForm } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.module.title} — Pivot` : "Module — Pivot" }];

function loadModule(slug: string | undefined) {
  const module = slug ? getModule(slug) : undefined;
  if (!module) notFound("Ce module n'existe pas. Retrouvez la liste des modules sur votre tableau de bord.");
  return module;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const module = loadModule(params.slug);
  const fm = module.frontmatter;
  const attemptParam = new URL(request.url).searchParams.get("tentative");

  const [progress, openAttempt, attempts, shown, update] = await Promise.all([
    getProgress({ userId: user.id, moduleId: fm.id }),
    getOpenAttempt({ userId: user.id, module }),
    listAttempts({ userId: user.id, moduleId: fm.id }),
    attemptParam ? getSubmittedAttempt({ userId: user.id, attemptId: attemptParam }) : Promise.resolve(null),
    pendingUpdate({ userId: user.id, moduleId: fm.id }),
  ]);
  if (attemptParam && (!shown || shown.moduleId !== fm.id)) notFound("Ce résultat de quiz est introuvable.");

  // Correct answers and explanations leave the server only for a submitted attempt.
  const result = shown ? attemptResult(module, shown) : null;

  const state = moduleState(progress);
  const block = getBlock(fm.block)!;
  const { previous, next } = neighbours(module);
  const link = (m: typeof previous) => (m ? { id: m.frontmatter.id, title: m.frontmatter.title } : null);
  return {
    module: {
      id: fm.id,
      title: fm.title,
      summary: fm.summary,
      minutes: fm.estimatedMinutes,
      level: getReferential().levels.find((l) => l.id === fm.level)?.label ?? fm.level,
      competencies: fm.competencies.map((id) => ({ id, title: getCompetency(id)?.title ?? id })),
      objectives: fm.objectives,
      version: fm.version,
      body: pageBody(module, { documentRequest: isDocumentRequest(context) }),
      situations: listSituations(fm.id).map((s) => ({ id: s.id, title: s.title, summary: s.summary })),
      block: { id: block.id, number: block.number, title: block.title },
      questionCount: module.quiz?.drawCount ?? 0,
      passMark: module.quiz?.passMark ?? 80,
    },
    previous: link(previous),
    next: link(next),
    state,
    stateLabel: MODULE_STATE_LABELS[state],
    bestScore: progress?.bestScore ?? null,
    openAttempt,
    attempts,
    result,
    update,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const module = loadModule(params.slug);
  const values = formDataToObject(await readForm(request));
  const parsed = moduleIntentSchema.safeParse(values);
  if (!parsed.success) return data({ formError: "Action non reconnue. Rechargez la page et réessayez.", fieldErrors: {}, values: {} }, { status: 400 });
  const here = `/modules/${module.frontmatter.id}`;

  switch (parsed.data.intent) {
    case "lu":
      await markRead({ userId: user.id, module });
      return redirect(`${here}#quiz`);
    case "commencer":
    case "envoyer":
      return quizIntent(parsed.data.intent, {
        userId: user.id,
        module,
        attemptId: "attemptId" in parsed.data ? parsed.data.attemptId : undefined,
        values,
        here,
      });
  }
}

export default function ModulePage() {
  const { module, state, stateLabel, bestScore, openAttempt, attempts, result, previous, next, update } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <nav aria-label="Fil d'Ariane" className="text-sm font-semibold">
          <Link to="/blocs">Blocs de compétences</Link> ›{" "}
          <Link to={`/blocs/${module.block.id}`}>
            Bloc {module.block.number} — {module.block.title}
          </Link>
        </nav>
        <h1 className="text-3xl font-bold leading-tight">{module.title}</h1>
        <p className="text-lg text-slate-700">{module.summary}</p>
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
          <StatusBadge state={state} label={stateLabel} />
          <span>Durée estimée : {module.minutes} min</span>
          <span>{module.level}</span>
          <span>Version {module.version}</span>
          {bestScore !== null ? <span className="font-semibold">Meilleur score : {bestScore} %</span> : null}
        </p>
        <section className="card" aria-labelledby="objectifs">
          <h2 id="objectifs" className="text-lg font-bold">
            Objectifs
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {module.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
          <h2 className="mt-4 text-lg font-bold">Compétences travaillées</h2>
          <ul className="mt-2 flex flex-wrap gap-2" aria-label="Compétences travaillées">
            {module.competencies.map((c) => (
              <li key={c.id} className="rounded-full border border-brand-600 bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-900">
                {c.title}
              </li>
            ))}
          </ul>
        </section>
      </header>

      {update ? (
        <UpdateNotice
          moduleId={update.id}
          heading={`Mise à jour : ce module a changé depuis que vous l'avez terminé (version ${update.from} → ${update.to})`}
          changes={update.changes}
        >
          <p>
            Relisez les passages concernés puis passez le court quiz de mise à jour (ou repassez le quiz complet) : vos compétences liées restent « à actualiser
            » jusque-là.
          </p>
          <p>
            <Link to={`/modules/${update.id}/mise-a-jour`} className="btn-primary">
              Quiz de mise à jour
            </Link>
          </p>
        </UpdateNotice>
      ) : null}

      <MdxHtml key={module.body.key} body={module.body} />

      {module.situations.length ? (
        <section aria-labelledby="pratique" className="card space-y-3">
          <h2 id="pratique" className="text-2xl font-bold">
            Mise en pratique
          </h2>
          <p>Une situation racontée pas à pas : à chaque étape, vous choisissez quoi dire ou quoi faire, et vous voyez ce qui en découle.</p>
          <ul className="space-y-2">
            {module.situations.map((s) => (
              <li key={s.id}>
                <Link to={`/situations/${s.id}`} className="font-semibold">
                  {s.title}
                </Link>
                <span className="block text-slate-700">{s.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {state === "non_commence" || state === "en_cours" ? (
        <Form method="post" className="card flex flex-wrap items-center justify-between gap-3">
          <p>Vous avez terminé la lecture ? Indiquez-le, puis passez au quiz.</p>
          <button type="submit" name="intent" value="lu" className="btn-secondary">
            Marquer comme lu
          </button>
        </Form>
      ) : null}

      {result ? (
        <QuizResult
          result={result}
          passMark={module.passMark}
          passedMessage="Quiz réussi : le module est terminé."
          next={
            next ? (
              <Link to={`/modules/${next.id}`} className="btn-primary">
                Module suivant : {next.title} →
              </Link>
            ) : (
              <Link to="/" className="btn-primary">
                Retour au tableau de bord
              </Link>
            )
          }
        />
      ) : null}

      <QuizSection
        heading="Quiz"
        openAttempt={openAttempt}
        attempts={attempts}
        actionData={actionData}
        intro={
          <p>
            {module.questionCount} questions tirées au hasard dans la banque du module. Seuil de réussite : {module.passMark} %.
            {attempts.length > 0 ? " Chaque nouvelle tentative propose un nouveau tirage." : ""}
          </p>
        }
        startLabel="Commencer le quiz"
        restartLabel="Refaire le quiz"
      />
      <nav aria-label="Modules du bloc" className="flex flex-col gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-between">
        {previous ? (
          <Link to={`/modules/${previous.id}`} rel="prev" className="max-w-sm">
            ← Module précédent : {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`/modules/${next.id}`} rel="next" className="max-w-sm sm:text-right">
            Module suivant : {next.title} →
          </Link>
        ) : (
          <Link to={`/blocs/${module.block.id}`} className="sm:text-right">
            Retour au bloc {module.block.number} →
          </Link>
        )}
      </nav>
    </article>
  );
}
