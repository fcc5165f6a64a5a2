import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, StepList } from "~/components/path-timeline";
import { ProgressBar } from "~/components/progress-bar";
import { listModules } from "~/content/modules.server";
import { awaitingValidation, summarizePath, todayInParis } from "~/domain/integration-path";
import { MODULE_STATE_LABELS, summarize } from "~/domain/progress";
import { getPaths } from "~/models/path.server";
import { listProgressOf } from "~/models/progress.server";
import { listMentees } from "~/models/tutoring.server";
import { requireRole } from "~/models/permissions.server";

export const meta: MetaFunction = () => [{ title: "Tutorat — Pivot" }];

const PROFILE_LABELS: Record<string, string> = { nouvelle_recrue: "Nouvelle recrue", confirmee: "Secrétaire confirmée" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["tutor", "admin"]);
  const today = todayInParis();
  const mentees = await listMentees(user.id);
  const ids = mentees.map((m) => m.id);
  const [rows, paths] = await Promise.all([listProgressOf(ids), getPaths(ids)]); // two queries for all mentees
  const modules = listModules();
  const moduleIds = modules.map((m) => m.frontmatter.id);
  const titles = new Map(modules.map((m) => [m.frontmatter.id, m.frontmatter.title]));
  const list = mentees.map((m) => {
    const own = rows.filter((r) => r.userId === m.id);
    const steps = paths.get(m.id) ?? [];
    const progress = steps.map((s) => ({ ...s, kind: s.kind }));
    const waiting = awaitingValidation(progress);
    const lastActivity = [...own.map((r) => r.updatedAt), ...steps.map((s) => s.doneAt ?? "")].filter(Boolean).sort().pop() ?? null;
    return {
      id: m.id,
      name: m.name,
      service: m.service,
      profile: m.profile ? (PROFILE_LABELS[m.profile] ?? m.profile) : null,
      hireDate: m.hireDate,
      path: summarizePath(progress, today),
      waiting: waiting.map((s) => ({ id: s.id, title: s.title, dueDate: s.dueDate })),
      late: steps.filter((s) => !s.doneAt && !s.validatedAt && !(s.kind === "module" && s.moduleCompleted) && s.dueDate < today).map((s) => ({ id: s.id, title: s.title, dueDate: s.dueDate })),
      summary: summarize(moduleIds, own),
      modules: own.map((r) => ({ id: r.moduleId, title: titles.get(r.moduleId) ?? r.moduleId, status: r.status, bestScore: r.bestScore })),
      lastActivity,
    };
  });
  // Most urgent first: what awaits my validation, then what is late.
  list.sort((a, b) => b.waiting.length - a.waiting.length || b.late.length - a.late.length || a.name.localeCompare(b.name, "fr"));
  return { mentees: list };
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
                    {[m.profile, m.service, m.hireDate ? `arrivée le ${formatDate(m.hireDate)}` : null].filter(Boolean).join(" · ")}
                  </p>
                </div>
                <p className="text-sm text-slate-700">{m.lastActivity ? `Dernière activité : ${formatDate(m.lastActivity)}` : "Aucune activité enregistrée"}</p>
              </div>
              {m.path.total > 0 ? <ProgressBar percent={m.path.percent} label={`Parcours d'intégration : ${m.path.done} étape(s) sur ${m.path.total}`} /> : null}
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
