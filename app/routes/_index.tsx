import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProgressBar, StatusBadge } from "~/components/progress-bar";
import { getFiche, listBlocks, listModules } from "~/content/modules.server";
import { listPinned } from "~/models/fiches.server";
import { MODULE_STATE_LABELS, moduleState, summarize } from "~/domain/progress";
import { listProgress } from "~/models/progress.server";
import { requireUser } from "~/models/permissions.server";

import { getPath, pathView } from "~/models/path.server";
import { dueCount } from "~/models/review.server";
import { listUpdates } from "~/models/updates.server";
import { personalPlans } from "~/models/positioning.server";
import { nextStep } from "~/domain/next-step";
import { menteesOverview } from "~/models/mentees-overview.server";
import { teamAtAGlance } from "~/models/team-listing.server";
import { managedServiceIds } from "~/models/permissions.server";
import { formatDay, parisDay } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Tableau de bord — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [rows, pinned, pathRows, toReview, updates] = await Promise.all([
    listProgress(user.id),
    listPinned(user.id),
    getPath(user.id),
    dueCount(user.id),
    listUpdates({ userId: user.id }),
  ]);
  const today = parisDay();
  const [plans, mentees, glance] = await Promise.all([
    personalPlans(user.id, { progress: rows }),
    user.role === "tutor" ? menteesOverview({ tutorId: user.id, today }) : null,
    user.role === "manager" || user.role === "admin" ? managedServiceIds(user).then((serviceIds) => teamAtAGlance({ serviceIds, today })) : null,
  ]);
  const path = pathRows.length ? pathView(pathRows, today) : null;
  const modules = listModules();
  const progress = new Map(rows.map((r) => [r.moduleId, r]));
  return {
    next: nextStep({
      steps: stepsToDo(path),
      inProgress: modules.filter((m) => ["en_cours", "lu"].includes(progress.get(m.frontmatter.id)?.status ?? "")).map(brief),
      updates: updates.map((u) => ({ id: u.id, title: u.title })),
      dueCards: toReview,
      nextModule: nextModule(modules, progress, plans),
      today,
    }),
    mentees:
      mentees?.map((m) => ({ id: m.id, name: m.name, profile: m.profile, waiting: m.waiting.length, late: m.late.length, percent: m.path.percent })) ?? null,
    glance,
    firstName: user.name.split(" ")[0],
    isTutor: user.role === "tutor" || user.role === "admin",
    isManager: user.role === "manager" || user.role === "admin",
    established: user.profile === "confirmee",
    positioned: plans.map(positioning),
    toReview,
    updates: updates.map((u) => ({ id: u.id, title: u.title, to: u.to, change: u.changes[0]?.changes ?? "" })),
    path: path ? { summary: path.summary, upcoming: stepsToDo(path).slice(0, 3) } : null,
    fiches: pinnedFiches(pinned),
    summary: summarize(
      modules.map((m) => m.frontmatter.id),
      rows,
    ),
    blocks: moduleBlocks(modules, progress, new Set(updates.map((u) => u.id))),
  };
}

type Module = ReturnType<typeof listModules>[number];
type Progress = Map<string, Awaited<ReturnType<typeof listProgress>>[number]>;
type Plan = Awaited<ReturnType<typeof personalPlans>>[number];

/** The steps of her path still to do, the earliest due first. */
function stepsToDo(path: ReturnType<typeof pathView> | null) {
  if (!path) return [];
  return path.phases
    .flatMap((p) => p.steps)
    .filter((s) => s.status === "en_retard" || s.status === "a_faire")
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((s) => ({ id: s.id, title: s.title, dueDate: s.dueDate, late: s.status === "en_retard" }));
}

function brief(m: Module) {
  return { id: m.frontmatter.id, title: m.frontmatter.title, minutes: m.frontmatter.estimatedMinutes };
}

/** The first module she has not opened: her personal plan first (after a positioning test), then the blocks' order. */
function nextModule(modules: Module[], progress: Progress, plans: Plan[]) {
  const planned = new Set(plans.flatMap((p) => p.plan.filter((m) => m.action !== "acquis").map((m) => m.id)));
  return (
    [...modules.filter((m) => planned.has(m.frontmatter.id)), ...modules].map((m) => (progress.get(m.frontmatter.id) ? null : brief(m))).find(Boolean) ?? null
  );
}

/** What a positioning test left her in a block: modules acquired, modules to follow. */
function positioning(p: Plan) {
  return {
    blockId: p.blockId,
    number: p.number,
    toFollow: p.plan.filter((m) => m.action !== "acquis").length,
    acquired: p.plan.filter((m) => m.action === "acquis").length,
  };
}

function pinnedFiches(pinned: string[]) {
  return pinned.flatMap((id) => {
    const f = getFiche(id);
    return f ? [{ id, title: f.frontmatter.title, summary: f.frontmatter.summary }] : [];
  });
}

/** Every block that has modules, each module with her state, best score and whether it changed since she completed it. */
function moduleBlocks(modules: Module[], progress: Progress, updated: Set<string>) {
  return listBlocks()
    .map((b) => ({
      id: b.id,
      number: b.number,
      title: b.title,
      modules: modules
        .filter((m) => m.frontmatter.block === b.id)
        .map((m) => {
          const row = progress.get(m.frontmatter.id);
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
    }))
    .filter((b) => b.modules.length > 0);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Dashboard() {
  const { firstName, summary, blocks, isTutor, isManager, established, positioned, fiches, path, toReview, updates, next, mentees, glance } =
    useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Bonjour {firstName}</h1>
      {glance ? <TeamAtAGlance glance={glance} /> : null}
      {mentees ? <MenteesAtAGlance mentees={mentees} /> : null}
      {!glance ? <NextStepCard next={next} /> : null}
      <MyTraining summary={summary} tutorLink={isTutor && !mentees} />
      {updates.length ? <ModuleUpdates updates={updates} /> : null}
      {established || positioned.length ? <Positioning positioned={positioned} /> : null}
      <ReviewsToday toReview={toReview} />
      {path ? <MyPath path={path} /> : null}
      {isManager && !glance ? (
        <p>
          <Link to="/equipe" className="btn-secondary">
            Suivre mon équipe
          </Link>
        </p>
      ) : null}
      <MyFiches fiches={fiches} />
      <AllModules blocks={blocks} />
    </div>
  );
}

/** The learner's one card: the most useful thing to do now. */
function NextStepCard({ next }: { next: Data["next"] }) {
  return (
    <section aria-labelledby="prochaine-etape" className="card max-w-2xl space-y-2 border-l-4 border-l-brand-700" data-next-step={next.kind}>
      <h2 id="prochaine-etape" className="text-sm font-semibold uppercase tracking-wide text-brand-800">
        Votre prochaine étape
      </h2>
      <p className="text-xl font-bold">{next.title}</p>
      <p className="text-slate-700">{next.detail}</p>
      <p>
        <Link to={next.href} className="btn-primary">
          {next.action}
        </Link>
      </p>
    </section>
  );
}

/** The tutor's home: her mentees, what waits for her first. */
function MenteesAtAGlance({ mentees }: { mentees: NonNullable<Data["mentees"]> }) {
  return (
    <section aria-labelledby="mes-tutorees" className="space-y-3">
      <h2 id="mes-tutorees" className="text-2xl font-bold">
        Mes tutoré·es
      </h2>
      {mentees.length === 0 ? (
        <p className="card">Aucune personne ne vous est confiée pour le moment : votre cadre vous attribue vos tutoré·es.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {mentees.map((m) => (
            <li key={m.id} className={`card space-y-1 ${m.waiting || m.late ? "border-l-4 border-l-amber-600" : ""}`} data-home-mentee={m.id}>
              <p className="text-lg font-semibold">
                <Link to={`/tutorat/${m.id}`}>{m.name}</Link>
              </p>
              <p className="text-sm text-slate-700">
                {m.profile ?? ""} · parcours à {m.percent} %
              </p>
              <p className="text-sm">
                {m.waiting ? (
                  <strong>{m.waiting === 1 ? "1 étape attend votre validation" : `${m.waiting} étapes attendent votre validation`}</strong>
                ) : (
                  "Rien à valider"
                )}
                {m.late ? <span className="font-semibold text-red-800"> · {m.late === 1 ? "1 étape en retard" : `${m.late} étapes en retard`}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/tutorat">Voir le suivi détaillé de mes tutoré·es</Link>
      </p>
    </section>
  );
}

/** The cadre's home: her team at a glance, each person a link to her page. */
function TeamAtAGlance({ glance }: { glance: NonNullable<Data["glance"]> }) {
  const lists = [
    { id: "retards", title: "Étapes en retard", empty: "Personne n'est en retard.", list: glance.late },
    { id: "renouvellements", title: "Certificats à renouveler (90 jours)", empty: "Aucun certificat à renouveler bientôt.", list: glance.renewals },
    { id: "inactives", title: "Sans activité depuis 30 jours", empty: "Tout le monde s'est formé ce mois-ci.", list: glance.inactive },
    { id: "arrivees", title: "Arrivées du mois", empty: "Aucune arrivée ce mois-ci.", list: glance.arrivals },
  ];
  return (
    <section aria-labelledby="mon-equipe" className="space-y-3">
      <h2 id="mon-equipe" className="text-2xl font-bold">
        Mon équipe en un coup d'œil
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        {lists.map((l) => (
          <section key={l.id} aria-labelledby={`glance-${l.id}`} className="card space-y-2" data-glance={l.id}>
            <h3 id={`glance-${l.id}`} className="font-bold">
              {l.title} {l.list.total ? <span className="ml-1 rounded-full bg-slate-100 px-2 text-sm">{l.list.total}</span> : null}
            </h3>
            {l.list.items.length === 0 ? (
              <p className="text-sm text-slate-700">{l.empty}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {l.list.items.map((p, i) => (
                  <li key={`${p.id}-${i}`}>
                    <Link to={`/equipe/${p.id}`} className="font-semibold">
                      {p.name}
                    </Link>{" "}
                    — {p.detail}
                  </li>
                ))}
              </ul>
            )}
            {l.list.total > l.list.items.length ? <p className="text-sm">et {l.list.total - l.list.items.length} de plus</p> : null}
          </section>
        ))}
      </div>
      <p>
        <Link to="/equipe" className="btn-secondary">
          Voir toute l'équipe
        </Link>
      </p>
    </section>
  );
}

/** Her own progress in the modules. */
function MyTraining({ summary, tutorLink }: { summary: Data["summary"]; tutorLink: boolean }) {
  return (
    <section aria-labelledby="ma-formation">
      <h2 id="ma-formation" className="text-2xl font-bold">
        Ma formation
      </h2>
      <div className="card mt-4 max-w-xl">
        <ProgressBar percent={summary.percent} label={`Modules terminés : ${summary.done} sur ${summary.total}`} />
      </div>
      {tutorLink ? (
        <p className="mt-3">
          <Link to="/tutorat">Voir le suivi de vos tutoré·es</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The modules that changed since she completed them, each with its update quiz. */
function ModuleUpdates({ updates }: { updates: Data["updates"] }) {
  return (
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
        Relisez ce qui a changé et passez le court quiz de mise à jour : les compétences liées restent « à actualiser » jusque-là.{" "}
        <Link to="/actualisation">Voir toute l'actualisation</Link>
      </p>
    </section>
  );
}

/** For staff already in post: what the positioning tests left to follow, or an invitation to take one. */
function Positioning({ positioned }: { positioned: Data["positioned"] }) {
  return (
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
  );
}

/** The review cards due today. */
function ReviewsToday({ toReview }: { toReview: number }) {
  return (
    <p className="card max-w-2xl" data-testid="revisions-du-jour">
      {toReview > 0 ? (
        <>
          <strong>
            {toReview} carte{toReview > 1 ? "s" : ""} à réviser aujourd'hui.
          </strong>{" "}
          <Link to="/revisions">Commencer mes révisions</Link>
        </>
      ) : (
        <>Aucune révision en attente aujourd'hui.</>
      )}
    </p>
  );
}

/** Her integration path: how far along, and the next three steps. */
function MyPath({ path }: { path: NonNullable<Data["path"]> }) {
  return (
    <section aria-labelledby="mon-parcours" className="card max-w-2xl space-y-3">
      <h2 id="mon-parcours" className="text-xl font-bold">
        Mon parcours d'intégration
      </h2>
      <ProgressBar percent={path.summary.percent} label={`Étapes terminées : ${path.summary.done} sur ${path.summary.total}`} />
      {path.upcoming.length ? (
        <ul className="list-disc pl-6">
          {path.upcoming.map((s) => (
            <li key={s.id} className={s.late ? "font-semibold text-red-800" : ""}>
              {s.title} — {s.late ? "en retard, prévu le" : "pour le"} {formatDay(s.dueDate)}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to="/parcours">Voir tout mon parcours</Link>
      </p>
    </section>
  );
}

/** The fiches réflexes she pinned. */
function MyFiches({ fiches }: { fiches: Data["fiches"] }) {
  return (
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
  );
}

/** Every module, block by block, with her state and best score. */
function AllModules({ blocks }: { blocks: Data["blocks"] }) {
  return (
    <>
      <h2 className="text-2xl font-bold">Tous les modules</h2>
      {blocks.map((block) => (
        <section key={block.id} aria-labelledby={`bloc-${block.id}`}>
          <h3 id={`bloc-${block.id}`} className="text-xl font-bold">
            <Link to={`/blocs/${block.id}`} className="text-slate-900">
              Bloc {block.number} — {block.title}
            </Link>
          </h3>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {block.modules.map((m) => (
              <li key={m.id} className="card flex flex-col gap-2" data-module={m.id}>
                <h4 className="text-lg font-semibold leading-snug">
                  <Link to={`/modules/${m.id}`}>{m.title}</Link>
                </h4>
                <p className="text-slate-700">{m.summary}</p>
                <p className="mt-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <StatusBadge state={m.state} label={m.stateLabel} />
                  {m.updated ? (
                    <span className="rounded-full border border-amber-600 px-2 py-0.5 text-sm font-semibold text-amber-900">mise à jour</span>
                  ) : null}
                  <span>{m.minutes} min</span>
                  <span data-testid="best-score">{m.bestScore === null ? "Pas encore de score" : `Meilleur score : ${m.bestScore} %`}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
