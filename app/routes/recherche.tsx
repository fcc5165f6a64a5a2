import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { correctionText, groupCount, SEARCH_KIND_LABELS, snippetParts, totalCount } from "~/domain/search";
import { search } from "~/models/search.server";
import { requireUser } from "~/models/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.q ? `« ${data.q} » — Recherche — Pivot` : "Recherche — Pivot" }];

const PER_KIND = 10;

/** The page has its own search field: the header's is not shown here (one search field per page). */
export const handle = { ownSearch: true };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  if (!q) return { q, mode: "empty" as const, summary: "", cut: false, correction: null, groups: [] };
  const { groups, total, mode, corrections } = await search(q, { perKind: PER_KIND });
  return {
    q,
    mode,
    summary: totalCount(total),
    cut: groups.some((g) => g.results.length < g.total),
    correction: corrections.length ? correctionText(corrections) : null,
    groups: groups.map((g) => ({
      kind: g.kind,
      label: SEARCH_KIND_LABELS[g.kind].group,
      count: groupCount(g.results.length, g.total),
      results: g.results.map((r) => ({ kind: r.kind, ref: r.ref, url: r.url, title: r.title, parts: snippetParts(r.snippet) })),
    })),
  };
}

export default function Recherche() {
  const { q, mode, summary, cut, correction, groups } = useLoaderData<typeof loader>();
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
      <div aria-live="polite" className="space-y-1">
        {mode === "empty" ? (
          <p className="text-slate-700">
            Saisissez un ou plusieurs mots&nbsp;: un examen, un sigle, une situation («&nbsp;patient agressif&nbsp;», «&nbsp;DMP&nbsp;», «&nbsp;coloscopie&nbsp;»…).
          </p>
        ) : mode === "none" ? (
          <p className="font-semibold">Aucun résultat pour «&nbsp;{q}&nbsp;».</p>
        ) : (
          <>
            {correction ? <p className="font-semibold">{correction}</p> : null}
            <p className="text-slate-700">
              {/* After a correction, the sentence above already says which words were searched. */}
              {summary}
              {correction ? "" : <> pour «&nbsp;{q}&nbsp;»</>}
              {mode === "any" ? "\u00a0: aucun contenu ne contient tous les mots, voici ceux qui en contiennent au moins un" : ""}.
              {cut ? ` Seuls les ${PER_KIND}\u00a0plus pertinents de chaque rubrique sont affichés\u00a0: précisez la recherche pour voir les autres.` : ""}
            </p>
          </>
        )}
      </div>
      {mode === "none" ? (
        <div className="card space-y-2">
          <p>Vérifiez l'orthographe, essayez un mot plus court (le début d'un mot suffit&nbsp;: «&nbsp;écho&nbsp;» trouve «&nbsp;échographie&nbsp;») ou un synonyme.</p>
          <p>
            Vous pouvez aussi parcourir le <Link to="/glossaire">glossaire</Link> ou les <Link to="/fiches-reflexes">fiches réflexes</Link>.
          </p>
        </div>
      ) : null}
      {groups.map((g) => (
        <section key={g.kind} aria-labelledby={`resultats-${g.kind}`} className="space-y-3">
          <h2 id={`resultats-${g.kind}`} className="text-2xl font-bold">
            {g.label} <span className="text-base font-normal text-slate-700">({g.count})</span>
          </h2>
          <ol className="space-y-3">
            {g.results.map((r) => (
              <li key={`${r.kind}-${r.ref}`} className="card" data-result-kind={r.kind}>
                <h3 className="text-lg font-semibold">
                  <Link to={r.url}>{r.title}</Link>
                </h3>
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
        </section>
      ))}
    </div>
  );
}
