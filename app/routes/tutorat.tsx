import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgressBar } from "~/components/progress-bar";
import { listModules } from "~/content/modules.server";
import { summarize } from "~/domain/progress";
import { listProgressOf } from "~/models/progress.server";
import { listMentees } from "~/models/tutoring.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Tutorat — Pivot" }];

const PROFILE_LABELS: Record<string, string> = { nouvelle_recrue: "Nouvelle recrue", confirmee: "Secrétaire confirmée" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["tutor", "admin"]);
  const mentees = await listMentees(user.id);
  const rows = await listProgressOf(mentees.map((m) => m.id)); // one query for all mentees
  const modules = listModules();
  const moduleIds = modules.map((m) => m.frontmatter.id);
  const titles = new Map(modules.map((m) => [m.frontmatter.id, m.frontmatter.title]));
  return {
    mentees: mentees.map((m) => {
      const own = rows.filter((r) => r.userId === m.id);
      return {
        id: m.id,
        name: m.name,
        service: m.service,
        profile: m.profile ? PROFILE_LABELS[m.profile] ?? m.profile : null,
        hireDate: m.hireDate,
        summary: summarize(moduleIds, own),
        modules: own.map((r) => ({ id: r.moduleId, title: titles.get(r.moduleId) ?? r.moduleId, status: r.status, bestScore: r.bestScore })),
      };
    }),
  };
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

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
              <div>
                <h2 className="text-xl font-bold">{m.name}</h2>
                <p className="text-slate-700">
                  {[m.profile, m.service, m.hireDate ? `arrivée le ${dateFormat.format(new Date(m.hireDate))}` : null].filter(Boolean).join(" · ")}
                </p>
              </div>
              <ProgressBar percent={m.summary.percent} label={`Modules terminés : ${m.summary.done} sur ${m.summary.total}`} />
              {m.modules.length > 0 ? (
                <ul className="list-disc pl-6">
                  {m.modules.map((mod) => (
                    <li key={mod.id}>
                      {mod.title} : {mod.status === "termine" ? "terminé" : mod.status === "lu" ? "lu" : "en cours"}
                      {mod.bestScore !== null ? `, meilleur score ${mod.bestScore} %` : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-700">Aucun module commencé pour l'instant.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
