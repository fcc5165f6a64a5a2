import { plural } from "~/utils/typography";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { formatDay } from "~/utils/dates";
import { PROFILE_LABELS, TEAM_SORT_LABELS, TEAM_STATUS_LABELS } from "~/domain/vocabulary";
import { SelectField } from "~/components/field";
import { parseTeamQuery } from "~/domain/team-query.server";
import { listDeactivated } from "~/models/account-lifecycle.server";
import { listServices } from "~/models/services.server";
import { staffOverview } from "~/models/team-listing.server";
import { teamTable } from "~/models/team-table.server";
import { requireManager } from "~/models/permissions.server";

export const meta: MetaFunction = () => [{ title: "Mon équipe — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { serviceIds } = await requireManager(request);
  const params = parseTeamQuery(new URL(request.url).searchParams);
  // A service filter outside her services is ignored (never widens what she sees).
  if (params.service && !serviceIds.includes(params.service)) params.service = undefined;
  const [table, services, staff, departed] = await Promise.all([
    teamTable(serviceIds, params),
    listServices(serviceIds),
    staffOverview(serviceIds),
    listDeactivated(serviceIds),
  ]);
  return { ...table, params, services, staff, departed };
}

const labelledOptions = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default function Equipe() {
  const { rows, total, pages, blocks, params, services, staff, departed } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const link = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === "") next.delete(k);
      else next.set(k, String(v));
    }
    return `?${next.toString()}`;
  };
  const sortLink = (tri: string) => link({ tri, ordre: params.tri === tri && params.ordre === "asc" ? "desc" : "asc", page: undefined });
  const ariaSort = (tri: string) => (params.tri === tri ? (params.ordre === "asc" ? "ascending" : "descending") : undefined);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold">Mon équipe</h1>
          <p className="text-slate-700">{plural(total, "personne en formation", "personnes en formation", "Personne en formation")} dans vos services.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to="/equipe/nouveau" className="btn-primary">
            Créer un compte
          </Link>
          <Link to="/equipe/parcours" className="btn-secondary">
            Parcours du service
          </Link>
          <a href={`/equipe.csv${link({ page: undefined })}`} className="btn-secondary" download>
            Exporter en CSV
          </a>
        </div>
      </div>

      {staff.withoutTutor > 0 && params.statut !== "sans_tutrice" ? (
        <div role="status" className="rounded-md border-2 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
          <strong>
            {staff.withoutTutor === 1 ? "Une nouvelle recrue n'a pas de tutrice" : `${staff.withoutTutor} nouvelles recrues n'ont pas de tutrice`}
          </strong>{" "}
          (par exemple après le départ de leur tutrice). <Link to={link({ statut: "sans_tutrice", page: undefined })}>Voir qui et attribuer une tutrice</Link>
        </div>
      ) : null}

      <Form method="get" className="card grid gap-4 sm:grid-cols-4" aria-label="Filtrer l'équipe">
        <div>
          <label htmlFor="filtre-service" className="field-label">
            Service
          </label>
          <select id="filtre-service" name="service" defaultValue={params.service ?? ""} className="field-input">
            <option value="">Tous mes services</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <SelectField
          id="filtre-profil"
          name="profil"
          label="Profil"
          placeholder="Tous les profils"
          options={labelledOptions(PROFILE_LABELS)}
          defaultValue={params.profil}
        />
        <SelectField
          id="filtre-statut"
          name="statut"
          label="Situation"
          placeholder="Toutes"
          options={labelledOptions(TEAM_STATUS_LABELS)}
          defaultValue={params.statut}
        />
        <input type="hidden" name="tri" value={params.tri} />
        <input type="hidden" name="ordre" value={params.ordre} />
        <div className="flex items-end">
          <button type="submit" className="btn-primary w-full">
            Filtrer
          </button>
        </div>
      </Form>

      {rows.length === 0 ? (
        <p className="card">Personne ne correspond à ces critères.</p>
      ) : (
        <div
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
          tabIndex={0}
          role="region"
          aria-label="Tableau de l'équipe (défilement horizontal possible)"
        >
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Personnes en formation, triées par {TEAM_SORT_LABELS[params.tri]}</caption>
            <thead className="bg-slate-100">
              <tr>
                {(["nom", "service", "arrivee"] as const).map((t) => (
                  <th key={t} scope="col" className="p-2" aria-sort={ariaSort(t)}>
                    <Link to={sortLink(t)}>{TEAM_SORT_LABELS[t]}</Link>
                  </th>
                ))}
                <th scope="col" className="p-2">
                  Tutrice
                </th>
                <th scope="col" className="p-2" aria-sort={ariaSort("progression")}>
                  <Link to={sortLink("progression")}>Parcours</Link>
                </th>
                <th scope="col" className="p-2" aria-sort={ariaSort("retard")}>
                  <Link to={sortLink("retard")}>Retards</Link>
                </th>
                {blocks.map((b) => (
                  <th key={b.id} scope="col" className="p-2" title={b.title}>
                    Bloc {b.number}
                  </th>
                ))}
                <th scope="col" className="p-2">
                  Dernière activité
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200" data-person={r.email}>
                  <th scope="row" className="p-2 font-semibold">
                    <Link to={`/equipe/${r.id}`}>{r.name}</Link>
                    <span className="block text-xs font-normal text-slate-700">{r.profileLabel}</span>
                  </th>
                  <td className="p-2">{r.service}</td>
                  <td className="p-2">{r.hireDate ? formatDay(r.hireDate) : ""}</td>
                  <td className="p-2">{r.tutor ?? "—"}</td>
                  <td className="p-2">{r.pathPercent === null ? "—" : `${r.pathPercent} % (${r.stepsDone}/${r.stepsTotal})`}</td>
                  <td className={`p-2 ${r.stepsLate > 0 ? "font-bold text-red-800" : ""}`}>{r.stepsLate > 0 ? `${r.stepsLate} en retard` : "aucun"}</td>
                  {r.blocks.map((b) => (
                    <td key={b.id} className="p-2">
                      {b.percent} %{b.level ? <span className="block text-xs font-semibold text-emerald-800">✓ {b.level}</span> : null}
                      {b.toRenew ? <span className="block text-xs font-semibold text-amber-900">à actualiser</span> : null}
                    </td>
                  ))}
                  <td className="p-2">{r.lastActivity ? formatDay(r.lastActivity) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-3">
          {params.page > 1 ? <Link to={link({ page: params.page - 1 })}>‹ Page précédente</Link> : null}
          <span>
            Page {params.page} sur {pages}
          </span>
          {params.page < pages ? <Link to={link({ page: params.page + 1 })}>Page suivante ›</Link> : null}
        </nav>
      ) : null}

      <section aria-labelledby="tutrices" className="space-y-2">
        <h2 id="tutrices" className="text-2xl font-bold">
          Tutrices de vos services
        </h2>
        {staff.tutors.length === 0 ? (
          <p>Aucune tutrice active dans vos services.</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {staff.tutors.map((t) => (
              <li key={t.id} className="card py-3">
                <Link to={`/equipe/${t.id}`} className="font-semibold">
                  {t.name}
                </Link>
                <span className="block text-sm text-slate-700">
                  {t.service} · {t.mentees === 0 ? "aucune personne suivie" : t.mentees === 1 ? "1 personne suivie" : `${t.mentees} personnes suivies`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {departed.length > 0 ? (
        <details className="card">
          <summary className="cursor-pointer font-semibold">Personnes parties ({departed.length}) : comptes désactivés, historique conservé</summary>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            {departed.map((d) => (
              <li key={d.id}>
                <Link to={`/equipe/${d.id}`}>{d.name}</Link> ({d.service}) — désactivé le {formatDay(d.deactivatedAt!)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
