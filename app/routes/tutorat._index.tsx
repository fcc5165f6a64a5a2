import { plural } from "~/utils/typography";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StepList } from "~/components/path-timeline";
import { ProgressBar } from "~/components/progress-bar";

import { MODULE_STATE_LABELS } from "~/domain/progress";
import { menteesOverview } from "~/models/mentees-overview.server";
import { requireRole } from "~/models/permissions.server";
import { formatDay, parisDay } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Tutorat — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["tutor", "admin"]);
  return { mentees: await menteesOverview({ tutorId: user.id, today: parisDay() }) };
}

export default function Tutorat() {
  const { mentees } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Tutorat</h1>
      {mentees.length === 0 ? (
        <p className="card">Aucune personne ne vous est confiée pour le moment. Votre cadre vous attribue vos tutoré·es.</p>
      ) : (
        <ul className="space-y-4">
          {mentees.map((m) => (
            <li key={m.id} className="card space-y-3" data-mentee={m.name}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 className="text-xl font-bold">
                    <Link to={`/tutorat/${m.id}`}>{m.name}</Link>
                  </h2>
                  <p className="text-slate-700">
                    {[m.profile, m.service, m.hireDate ? `arrivée le ${formatDay(m.hireDate)}` : null].filter(Boolean).join(" · ")}
                  </p>
                </div>
                <p className="text-sm text-slate-700">{m.lastActivity ? `Dernière activité : ${formatDay(m.lastActivity)}` : "Aucune activité enregistrée"}</p>
              </div>
              {m.path.total > 0 ? <ProgressBar percent={m.path.percent} label={`Parcours d'intégration : ${plural(m.path.done, "étape", "étapes")} sur ${m.path.total}`} /> : null}
              <ProgressBar percent={m.summary.percent} label={`Modules terminés : ${m.summary.done} sur ${m.summary.total}`} />
              <StepList title="À valider par vous" tone="info" steps={m.waiting} />
              <StepList title="En retard" tone="alert" steps={m.late} />
              {m.modules.length > 0 ? (
                <details>
                  <summary className="cursor-pointer font-semibold">Modules et résultats aux quiz</summary>
                  <ul className="mt-2 list-disc pl-6">
                    {m.modules.map((mod) => (
                      <li key={mod.id}>
                        {mod.title} : {MODULE_STATE_LABELS[mod.status].toLowerCase()}
                        {mod.bestScore !== null ? `, meilleur score ${mod.bestScore} %` : ""}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : (
                <p className="text-slate-700">Aucun module commencé pour l'instant.</p>
              )}
              <p>
                <Link to={`/tutorat/${m.id}`} className="btn-secondary">
                  Ouvrir le suivi de {m.name}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
