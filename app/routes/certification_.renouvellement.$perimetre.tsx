import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage } from "~/components/field";

import { QuizResult } from "~/components/quiz-result";
import { QuizSection } from "~/components/quiz-section";
import { getCertificationRules, getCompetency, getRenewalQuiz } from "~/content/modules.server";
import { certificateLine, certificatesToRenew } from "~/domain/certification";

import { listCertificates, renewCertificates } from "~/models/certificate-registry.server";
import { notFound, requireUser } from "~/models/permissions.server";
import { standaloneQuizAction, standaloneQuizData } from "~/models/standalone-quiz.server";
import { formatDay, parisDay } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} — Pivot` : "Renouvellement — Pivot" }];

/** The renewal quiz of a block (or of the pathway: "parcours") and her certificates it would renew. */
async function load(userId: string, scope: string | undefined) {
  const quiz = scope ? getRenewalQuiz(scope) : undefined;
  if (!quiz || !scope) notFound("Ce renouvellement n'existe pas. Retrouvez vos certificats sur la page « Parcours certifiant ».");
  const today = parisDay();
  const warningDays = getCertificationRules().validity.warningDays;
  const certificates = await listCertificates(userId);
  const inScope = certificates.filter((c) => (scope === "parcours" ? c.kind === "parcours" : c.kind === "bloc" && c.blockId === scope));
  return { quiz, scope, today, warningDays, inScope, toRenew: certificatesToRenew(certificates, scope, today, warningDays) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { quiz, inScope, toRenew, today, warningDays } = await load(user.id, params.perimetre);
  return {
    warningDays,
    ...(await standaloneQuizData(request, user.id, quiz)),
    competencies: quiz.frontmatter.competencies.map((id) => getCompetency(id)?.title ?? id),
    toRenew: toRenew.map((c) => ({ code: c.code, title: c.title, validUntil: c.validUntil })),
    certificates: inScope.map((c) => ({ ...certificateLine(c, today, warningDays), renewal: c.cycle > 0 })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { quiz, scope, toRenew, warningDays } = await load(user.id, params.perimetre);
  if (toRenew.length === 0)
    return data(
      {
        formError: `Aucun de vos certificats n'est à renouveler ici : le renouvellement s'ouvre ${warningDays} jours avant la fin de validité.`,
        fieldErrors: {} as Record<string, string>,
        values: {},
      },
      { status: 409 },
    );
  return standaloneQuizAction(request, {
    userId: user.id,
    quiz,
    here: `/certification/renouvellement/${scope}`,
    afterGrading: async (attemptId, grade) => {
      if (grade.passed) await renewCertificates({ userId: user.id, scope, proof: { attemptId, score: grade.score } });
    },
  });
}

export default function Renewal() {
  const { warningDays, title, summary, competencies, toRenew, certificates, questionCount, passMark, openAttempt, attempts, result } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <nav aria-label="Fil d'Ariane" className="text-sm font-semibold">
          <Link to="/certification">Parcours certifiant</Link> › <Link to="/actualisation">Actualisation</Link>
        </nav>
        <h1 className="text-3xl font-bold leading-tight">{title}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{summary}</p>
        <p className="max-w-3xl">Compétences revues : {competencies.join(" ; ")}.</p>
      </header>
      {result ? (
        <QuizResult
          result={result}
          passMark={passMark}
          passedMessage="Quiz réussi : vos certificats sont renouvelés. Le certificat précédent reste consultable dans l'historique du nouveau."
        />
      ) : null}
      <section aria-labelledby="mes-certificats" className="space-y-3">
        <h2 id="mes-certificats" className="text-2xl font-bold">
          Vos certificats concernés
        </h2>
        {certificates.length === 0 ? (
          <p>Vous n'avez pas encore de certificat ici : il est délivré quand le niveau est validé dans le parcours certifiant.</p>
        ) : (
          <ul className="space-y-2">
            {certificates.map((c) => (
              <li key={c.code} className="card" data-certificate={c.code} data-certificate-status={c.status}>
                <a href={`/certificats/${c.code}`}>{c.title}</a> — {c.renewal ? "renouvelé le" : "délivré le"} {formatDay(c.issuedAt)}, valide jusqu'au{" "}
                {formatDay(c.validUntil)} : <strong>{c.statusLabel}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      {toRenew.length ? (
        <QuizSection
          heading="Quiz de renouvellement"
          openAttempt={openAttempt}
          attempts={attempts}
          actionData={actionData}
          intro={
            <p>
              {questionCount} questions, seuil de réussite {passMark} %. En cas de réussite,{" "}
              {toRenew.length > 1 ? `vos ${toRenew.length} certificats sont renouvelés` : "votre certificat est renouvelé"} pour une nouvelle période, à compter
              de la fin de validité actuelle (ou d'aujourd'hui si elle est déjà passée).
            </p>
          }
          startLabel="Commencer le quiz de renouvellement"
          restartLabel="Repasser le quiz de renouvellement"
        />
      ) : (
        <div className="card space-y-2">
          {actionData?.formError ? <FormMessage kind="error">{actionData.formError}</FormMessage> : null}
          <p role="status">
            Rien à renouveler pour l'instant : le renouvellement s'ouvre dans les {warningDays} jours qui précèdent la fin de validité d'un certificat.
          </p>
        </div>
      )}
    </article>
  );
}
