import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProgressBar, StatusBadge } from "~/components/progress-bar";
import { getBlock, getReferential, listModules, listModulesOfBlock } from "~/content/modules.server";
import { isDone, MODULE_STATE_LABELS, moduleState, summarize } from "~/domain/progress";
import { listProgress } from "~/models/progress.server";
import { notFound, requireUser } from "~/models/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Bloc ${data.block.number} — ${data.block.title} — Pivot` : "Bloc — Pivot" }];

const ASSESSMENT_LABELS = { quiz: "quiz", observation: "observation en situation de travail", both: "quiz et observation en situation de travail" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const block = params.bloc ? getBlock(params.bloc) : undefined;
  if (!block) notFound("Ce bloc de compétences n'existe pas. Les trois blocs sont listés sur la page « Blocs de compétences ».");
  const rows = await listProgress(user.id);
  const byId = new Map(rows.map((r) => [r.moduleId, r]));
  const modules = listModulesOfBlock(block.id);
  const levels = getReferential().levels;
  const moduleViews = modules.map((m) => {
    const state = moduleState(byId.get(m.frontmatter.id));
    return {
      id: m.frontmatter.id,
      title: m.frontmatter.title,
      minutes: m.frontmatter.estimatedMinutes,
      state,
      stateLabel: MODULE_STATE_LABELS[state],
      bestScore: byId.get(m.frontmatter.id)?.bestScore ?? null,
      competencies: m.frontmatter.competencies,
    };
  });
  const remaining = moduleViews.filter((m) => !isDone(m.state));
  return {
    block: { id: block.id, number: block.number, title: block.title, description: block.description },
    summary: summarize(
      modules.map((m) => m.frontmatter.id),
      rows,
    ),
    remainingMinutes: remaining.reduce((sum, m) => sum + m.minutes, 0),
    remaining: remaining.map((m) => ({ id: m.id, title: m.title })),
    modules: moduleViews,
    competencies: block.competencies.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      // A competency may also be served by a module of another block.
      modules: listModules()
        .filter((m) => m.frontmatter.competencies.includes(c.id))
        .map((m) => ({ id: m.frontmatter.id, title: m.frontmatter.title, done: isDone(moduleState(byId.get(m.frontmatter.id))) })),
      levels: levels.map((l) => ({
        id: l.id,
        label: l.label,
        criteria: c.levels[l.id].criteria,
        assessment: ASSESSMENT_LABELS[c.levels[l.id].assessment],
        observations: c.levels[l.id].observations ?? null,
      })),
    })),
  };
}

function formatMinutes(minutes: number) {
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")}` : `${minutes} min`;
}

export default function BlocPage() {
  const { block, summary, modules, competencies, remaining, remainingMinutes } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <nav aria-label="Fil d'Ariane" className="text-sm font-semibold">
          <Link to="/blocs">Blocs de compétences</Link>
        </nav>
        <h1 className="text-3xl font-bold">
          Bloc {block.number} — {block.title}
        </h1>
        <p className="max-w-3xl text-slate-700">{block.description}</p>
        <div className="card max-w-xl space-y-2">
          <ProgressBar percent={summary.percent} label={`Modules terminés : ${summary.done} sur ${summary.total}`} />
          <p className="text-sm" data-testid="reste">
            {remaining.length === 0
              ? "Tous les modules du bloc sont terminés ou acquis."
              : `Il vous reste ${remaining.length} module${remaining.length > 1 ? "s" : ""} (environ ${formatMinutes(remainingMinutes)}).`}
          </p>
          <p className="text-sm">
            <Link to={`/blocs/${block.id}/evaluation`}>Évaluation finale du bloc</Link> ·{" "}
            <Link to="/certification">Où en suis-je dans le parcours certifiant ?</Link>
          </p>
          <p className="text-sm">
            Vous exercez déjà ? <Link to={`/blocs/${block.id}/positionnement`}>Test de positionnement du bloc</Link> : les modules que vous maîtrisez seront
            marqués « acquis ».
          </p>
        </div>
      </header>

      <section aria-labelledby="modules-titre">
        <h2 id="modules-titre" className="text-2xl font-bold">
          Modules
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse bg-white text-left">
            <thead>
              <tr className="bg-slate-100">
                <th scope="col" className="border border-slate-300 px-3 py-2">
                  Module
                </th>
                <th scope="col" className="border border-slate-300 px-3 py-2">
                  Statut
                </th>
                <th scope="col" className="border border-slate-300 px-3 py-2">
                  Meilleur score
                </th>
                <th scope="col" className="border border-slate-300 px-3 py-2">
                  Durée
                </th>
              </tr>
            </thead>
            <tbody>
              {modules.map((m) => (
                <tr key={m.id} data-module={m.id}>
                  <td className="border border-slate-300 px-3 py-2">
                    <Link to={`/modules/${m.id}`}>{m.title}</Link>
                  </td>
                  <td className="border border-slate-300 px-3 py-2">
                    <StatusBadge state={m.state} label={m.stateLabel} />
                  </td>
                  <td className="border border-slate-300 px-3 py-2">{m.bestScore === null ? "—" : `${m.bestScore} %`}</td>
                  <td className="border border-slate-300 px-3 py-2">{m.minutes} min</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="competences-titre" className="space-y-3">
        <h2 id="competences-titre" className="text-2xl font-bold">
          Compétences du bloc
        </h2>
        <ul className="space-y-3">
          {competencies.map((c) => (
            <li key={c.id} className="card" data-competency={c.id}>
              <h3 className="text-lg font-semibold">{c.title}</h3>
              <p className="mt-1 text-slate-700">{c.description}</p>
              <p className="mt-2 text-sm">
                <span className="font-semibold">Travaillée dans : </span>
                {c.modules.length
                  ? c.modules.map((m, i) => (
                      <span key={m.id}>
                        {i > 0 ? ", " : ""}
                        <Link to={`/modules/${m.id}`}>{m.title}</Link>
                        {m.done ? " (terminé)" : ""}
                      </span>
                    ))
                  : "aucun module pour l'instant"}
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer font-semibold text-brand-700">Critères et modes d'évaluation par niveau</summary>
                <dl className="mt-2 space-y-3">
                  {c.levels.map((l) => (
                    <div key={l.id}>
                      <dt className="font-semibold">{l.label}</dt>
                      <dd>
                        <ul className="list-disc pl-6">
                          {l.criteria.map((cr) => (
                            <li key={cr}>{cr}</li>
                          ))}
                        </ul>
                        <p className="text-sm text-slate-700">
                          Évaluation : {l.assessment}
                          {l.observations ? ` (${l.observations} observation${l.observations > 1 ? "s" : ""} dans des situations différentes)` : ""}.
                        </p>
                      </dd>
                    </div>
                  ))}
                </dl>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
