import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { snippetParts } from "~/domain/search";
import { search } from "~/models/search.server";
import { requireUser } from "~/models/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.q ? `« ${data.q} » — Recherche — Pivot` : "Recherche — Pivot" }];

const KIND_LABELS = { module: "Module", fiche: "Fiche réflexe", terme: "Glossaire" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  if (!q) return { q, results: [], mode: "empty" as const };
  const { results, mode } = await search(q);
  return { q, results: results.map((r) => ({ ...r, kindLabel: KIND_LABELS[r.kind], parts: snippetParts(r.snippet) })), mode };
}

export default function Recherche() {
  const { q, results, mode } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Recherche</h1>
      <Form method="get" role="search" className="card flex flex-wrap items-end gap-3">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="recherche-page" className="field-label">
            Chercher dans les modules, les fiches réflexes et le glossaire
          </label>
          <input id="recherche-page" name="q" type="search" defaultValue={q} className="field-input" placeholder="ex. échographie, INS, appel agressif" />
        </div>
        <button type="submit" className="btn-primary">
          Rechercher
        </button>
      </Form>
      <div aria-live="polite">
        {mode === "empty" ? (
          <p className="text-slate-700">Saisissez un ou plusieurs mots : un examen, un sigle, une situation (« patient agressif », « DMP », « coloscopie »…).</p>
        ) : mode === "none" ? (
          <div className="card space-y-2">
            <p className="font-semibold">Aucun résultat pour « {q} ».</p>
            <p>Vérifiez l'orthographe, essayez un mot plus court (le début d'un mot suffit : « écho » trouve « échographie ») ou un synonyme.</p>
            <p>
              Vous pouvez aussi parcourir le <Link to="/glossaire">glossaire</Link> ou les <Link to="/fiches-reflexes">fiches réflexes</Link>.
            </p>
          </div>
        ) : (
          <>
            <p className="text-slate-700">
              {results.length} résultat{results.length > 1 ? "s" : ""} pour « {q} »
              {mode === "any" ? " (aucun contenu ne contient tous les mots : voici ceux qui en contiennent au moins un)" : ""}.
            </p>
            <ol className="mt-3 space-y-3">
              {results.map((r) => (
                <li key={`${r.kind}-${r.ref}`} className="card" data-result-kind={r.kind}>
                  <p className="text-sm font-bold uppercase tracking-wide text-brand-700">{r.kindLabel}</p>
                  <h2 className="text-lg font-semibold">
                    <Link to={r.url}>{r.title}</Link>
                  </h2>
                  <p className="mt-1 text-slate-800">
                    {r.parts.map((p, i) =>
                      p.mark ? (
                        <mark key={i} className="rounded bg-amber-200 px-0.5 text-slate-900">
                          {p.text}
                        </mark>
                      ) : (
                        <span key={i}>{p.text}</span>
                      ),
                    )}
                  </p>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}
