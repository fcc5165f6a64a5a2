import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProgressBar, StatusBadge } from "~/components/progress-bar";
import { getFiche, listBlocks, listModules } from "~/content/modules.server";
import { listPinned } from "~/models/fiches.server";
import { MODULE_STATE_LABELS, moduleState, summarize } from "~/domain/progress";
import { listProgress } from "~/models/progress.server";
import { requireUser } from "~/models/permissions.server";
import { formatDate } from "~/components/path-timeline";
import { todayInParis } from "~/domain/integration-path";
import { getPath, pathView } from "~/models/path.server";
import { dueCount, ensureCards } from "~/models/review.server";
import { listUpdates } from "~/models/updates.server";
import { personalPlans } from "~/models/positioning.server";

export const meta: MetaFunction = () => [{ title: "Tableau de bord — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await ensureCards(user.id);
  const [rows, pinned, pathRows, toReview, updates] = await Promise.all([listProgress(user.id), listPinned(user.id), getPath(user.id), dueCount(user.id), listUpdates(user.id)]);
  const plans = await personalPlans(user.id, { progress: rows });
  const path = pathRows.length ? pathView(pathRows, todayInParis()) : null;
  const upcoming = path
    ? path.phases
        .flatMap((p) => p.steps)
        .filter((s) => s.status === "en_retard" || s.status === "a_faire")
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
        .slice(0, 3)
        .map((s) => ({ id: s.id, title: s.title, dueDate: s.dueDate, late: s.status === "en_retard" }))
    : [];
  const modules = listModules();
  const byId = new Map(rows.map((r) => [r.moduleId, r]));
  const updated = new Set(updates.map((u) => u.id));
  return {
    firstName: user.name.split(" ")[0],
    isTutor: user.role === "tutor" || user.role === "admin",
    isManager: user.role === "manager" || user.role === "admin",
    established: user.profile === "confirmee",
    positioned: plans.map((p) => ({ blockId: p.blockId, number: p.number, toFollow: p.plan.filter((m) => m.action !== "acquis").length, acquired: p.plan.filter((m) => m.action === "acquis").length })),
    toReview,
    updates: updates.map((u) => ({ id: u.id, title: u.title, to: u.to, change: u.changes[0]?.changes ?? "" })),
    path: path ? { summary: path.summary, upcoming } : null,
    fiches: pinned.flatMap((id) => {
      const f = getFiche(id);
      return f ? [{ id, title: f.frontmatter.title, summary: f.frontmatter.summary }] : [];
    }),
    summary: summarize(modules.map((m) => m.frontmatter.id), rows),
    blocks: listBlocks().map((b) => ({
      id: b.id,
      number: b.number,
      title: b.title,
      modules: modules
        .filter((m) => m.frontmatter.block === b.id)
        .map((m) => {
          const row = byId.get(m.frontmatter.id);
          const state = moduleState(row);
          return {
            id: m.frontmatter.id,
            title: m.frontmatter.title,
            summary: m.frontmatter.summary,
            minutes: m.frontmatter.estimatedMinutes,
            state,
            stateLabel: MODULE_STATE_LABELS[state],
            bestScore: row?.bestScore ?? null,
            updated: updated.has(m.frontmatter.id),
          };
        }),
    })).filter((b) => b.modules.length > 0),
  };
}

export default function Dashboard() {
  const { firstName, summary, blocks, isTutor, isManager, established, positioned, fiches, path, toReview, updates } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <section aria-labelledby="bonjour">
        <h1 id="bonjour" className="text-3xl font-bold">
          Bonjour {firstName}
        </h1>
        <p className="mt-1 text-slate-700">Voici où vous en êtes dans vos modules de formation.</p>
        <div className="card mt-4 max-w-xl">
          <ProgressBar percent={summary.percent} label={`Modules terminés : ${summary.done} sur ${summary.total}`} />
        </div>
        {isTutor ? (
          <p className="mt-3">
            <Link to="/tutorat">Voir le suivi de vos tutoré·es</Link>
          </p>
        ) : null}
      </section>
      {updates.length ? (
        <section aria-labelledby="mises-a-jour" className="card max-w-2xl space-y-2 border-l-4 border-l-amber-600">
          <h2 id="mises-a-jour" className="text-xl font-bold">
            Mises à jour
          </h2>
          <ul className="space-y-1">
            {updates.map((u) => (
              <li key={u.id} data-update={u.id}>
                <span className="mr-2 rounded-full border border-amber-600 px-2 py-0.5 text-sm font-semibold text-amber-900">mise à jour</span>
                <Link to={`/modules/${u.id}`}>{u.title}</Link> (version {u.to}) {u.change ? `: ${u.change}` : ""} —{" "}
                <Link to={`/modules/${u.id}/mise-a-jour`}>quiz de mise à jour</Link>
              </li>
            ))}
          </ul>
          <p className="text-sm">
            Relisez ce qui a changé et passez le court quiz de mise à jour : les compétences liées restent « à actualiser » jusque-là. <Link to="/actualisation">Voir toute l'actualisation</Link>
          </p>
        </section>
      ) : null}
      {established || positioned.length ? (
        <section aria-labelledby="positionnement" className="card max-w-2xl space-y-2">
          <h2 id="positionnement" className="text-xl font-bold">
            Mon positionnement
          </h2>
          {positioned.length ? (
            <ul className="list-disc pl-6">
              {positioned.map((p) => (
                <li key={p.blockId}>
                  Bloc {p.number} : {p.acquired} module{p.acquired > 1 ? "s" : ""} acquis, {p.toFollow} à suivre ou à rafraîchir
                </li>
              ))}
            </ul>
          ) : (
            <p>Vous exercez déjà ? Un test par bloc repère ce que vous maîtrisez, pour ne suivre que les modules utiles.</p>
          )}
          <p>
            <Link to="/actualisation">{positioned.length ? "Voir mon programme personnalisé" : "Passer un test de positionnement"}</Link>
          </p>
        </section>
      ) : null}
      <p className="card max-w-2xl" data-testid="revisions-du-jour">
        {toReview > 0 ? (
          <>
            <strong>{toReview} carte{toReview > 1 ? "s" : ""} à réviser aujourd'hui.</strong> <Link to="/revisions">Commencer mes révisions</Link>
          </>
        ) : (
          <>Aucune révision en attente aujourd'hui.</>
        )}
      </p>
      {path ? (
        <section aria-labelledby="mon-parcours" className="card max-w-2xl space-y-3">
          <h2 id="mon-parcours" className="text-xl font-bold">
            Mon parcours d'intégration
          </h2>
          <ProgressBar percent={path.summary.percent} label={`Étapes terminées : ${path.summary.done} sur ${path.summary.total}`} />
          {path.upcoming.length ? (
            <ul className="list-disc pl-6">
              {path.upcoming.map((s) => (
                <li key={s.id} className={s.late ? "font-semibold text-red-800" : ""}>
                  {s.title} — {s.late ? "en retard, prévu le" : "pour le"} {formatDate(s.dueDate)}
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            <Link to="/parcours">Voir tout mon parcours</Link>
          </p>
        </section>
      ) : null}
      {isManager ? (
        <p>
          <Link to="/equipe" className="btn-secondary">
            Suivre mon équipe
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="mes-fiches">
        <h2 id="mes-fiches" className="text-xl font-bold">
          Mes fiches réflexes
        </h2>
        {fiches.length ? (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {fiches.map((f) => (
              <li key={f.id} className="card" data-mes-fiches={f.id}>
                <h3 className="font-semibold">
                  <Link to={`/fiches-reflexes/${f.id}`}>{f.title}</Link>
                </h3>
                <p className="mt-1 text-sm text-slate-700">{f.summary}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">
            Épinglez les fiches des services où vous intervenez pour les retrouver ici : <Link to="/fiches-reflexes">voir les fiches réflexes</Link>.
          </p>
        )}
      </section>
      {blocks.map((block) => (
        <section key={block.id} aria-labelledby={`bloc-${block.id}`}>
          <h2 id={`bloc-${block.id}`} className="text-xl font-bold">
            <Link to={`/blocs/${block.id}`} className="text-slate-900">
              Bloc {block.number} — {block.title}
            </Link>
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {block.modules.map((m) => (
              <li key={m.id} className="card flex flex-col gap-2" data-module={m.id}>
                <h3 className="text-lg font-semibold leading-snug">
                  <Link to={`/modules/${m.id}`}>{m.title}</Link>
                </h3>
                <p className="text-slate-700">{m.summary}</p>
                <p className="mt-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <StatusBadge state={m.state} label={m.stateLabel} />
                  {m.updated ? <span className="rounded-full border border-amber-600 px-2 py-0.5 text-sm font-semibold text-amber-900">mise à jour</span> : null}
                  <span>{m.minutes} min</span>
                  <span data-testid="best-score">{m.bestScore === null ? "Pas encore de score" : `Meilleur score : ${m.bestScore} %`}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
