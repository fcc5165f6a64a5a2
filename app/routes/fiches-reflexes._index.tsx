import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { listFiches } from "~/content/modules.server";
import { normalizeText } from "~/domain/quiz";
import { listPinned } from "~/models/fiches.server";
import { requireUser } from "~/models/permissions.server";

export const meta: MetaFunction = () => [{ title: "Fiches réflexes — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = (new URL(request.url).searchParams.get("filtre") ?? "").slice(0, 100);
  const pinned = new Set(await listPinned(user.id));
  return {
    q,
    fiches: listFiches().map((f) => ({
      id: f.frontmatter.id,
      title: f.frontmatter.title,
      summary: f.frontmatter.summary,
      updated: f.frontmatter.updated,
      pinned: pinned.has(f.frontmatter.id),
    })),
  };
}

function matches(fiche: { title: string; summary: string }, q: string) {
  const needle = normalizeText(q);
  return !needle || normalizeText(`${fiche.title} ${fiche.summary}`).includes(needle);
}

export default function FichesReflexes() {
  const { fiches, q } = useLoaderData<typeof loader>();
  const [filter, setFilter] = useState(q);
  const shown = fiches.filter((f) => matches(f, filter));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">Fiches réflexes</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Une fiche par spécialité, pour répondre au téléphone et à l'accueil quand vous remplacez dans un service que vous connaissez peu : vocabulaire,
          examens, protocole de réponse, mots d'alerte, interlocuteurs.
        </p>
      </header>
      <Form method="get" role="search" className="card flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="filtre" className="field-label">
            Filtrer les spécialités
          </label>
          <input
            id="filtre"
            name="filtre"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="field-input"
            placeholder="ex. cardio, imagerie, dialyse"
            autoComplete="off"
          />
        </div>
        <noscript>
          <button type="submit" className="btn-primary">
            Filtrer
          </button>
        </noscript>
      </Form>
      <p aria-live="polite" className="text-sm text-slate-700">
        {shown.length} fiche{shown.length > 1 ? "s" : ""} sur {fiches.length}
      </p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {shown.map((f) => (
          <li key={f.id} className="card flex flex-col gap-2" data-fiche={f.id}>
            <h2 className="text-lg font-semibold">
              <Link to={`/fiches-reflexes/${f.id}`}>{f.title}</Link>
            </h2>
            <p className="text-slate-700">{f.summary}</p>
            {f.pinned ? <p className="mt-auto text-sm font-semibold text-brand-800">★ Dans mes fiches</p> : null}
          </li>
        ))}
      </ul>
      {shown.length === 0 ? <p className="card">Aucune fiche ne correspond à « {filter} ». Essayez un autre mot, ou la recherche en haut de la page.</p> : null}
    </div>
  );
}
