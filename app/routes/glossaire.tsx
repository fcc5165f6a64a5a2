// The glossary, one letter at a time (?lettre=A, 0-9 for the terms that start with a number), filtered
// by category and specialty, with a search box (?q=) across every letter. Links from elsewhere carry
// the letter and the entry's anchor (glossaryHref); ?terme=<id> and an old /glossaire#<id> still reach it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { GLOSSARY_CATEGORIES, SPECIALTIES } from "~/content/glossary-labels";
import { alertConductSentence, getGlossaryEntry, listGlossary } from "~/content/modules.server";
import { filterEntries, glossaryHref, glossaryPage, letterLabel, letterParam } from "~/domain/glossary";
import { parseGlossaryQuery } from "~/domain/glossary-query.server";
import { requireUser } from "~/models/permissions.server";
import { plural } from "~/utils/typography";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const what = !data ? null : data.query ? `recherche « ${data.query} »` : data.letter ? `lettre ${data.letter.label}` : null;
  return [{ title: what ? `Glossaire — ${what} — Pivot` : "Glossaire — Pivot" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const params = parseGlossaryQuery(new URL(request.url).searchParams);
  if (params.terme) {
    const entry = getGlossaryEntry(params.terme);
    if (entry) throw redirect(glossaryHref(entry));
  }
  const all = listGlossary();
  const filtered = filterEntries(all, { category: params.categorie, specialty: params.specialite });
  const page = glossaryPage(filtered, { letter: params.lettre, query: params.q });
  const categoryLabel = new Map<string, string>(GLOSSARY_CATEGORIES.map((c) => [c.id, c.label]));
  const specialtyLabel = new Map<string, string>(SPECIALTIES.map((s) => [s.id, s.label]));
  return {
    total: all.length,
    filteredCount: filtered.length,
    filter: { categorie: params.categorie ?? null, specialite: params.specialite ?? null },
    query: params.q ?? null,
    letter: page.letter ? { param: letterParam(page.letter), label: letterLabel(page.letter) } : null,
    letters: page.letters.map((l) => ({ param: letterParam(l.letter), label: letterLabel(l.letter), count: l.count })),
    matches: page.matches,
    truncated: page.truncated,
    categories: GLOSSARY_CATEGORIES,
    specialties: SPECIALTIES,
    groups: page.groups.map((g) => ({
      letter: letterLabel(g.letter),
      anchor: `lettre-${letterParam(g.letter)}`,
      entries: g.entries.map((e) => ({
        id: e.id,
        term: e.term,
        expansion: e.expansion ?? null,
        definition: e.definition,
        alert: alertConductSentence(e.alerte),
        example: e.example ?? null,
        category: categoryLabel.get(e.category) ?? e.category,
        specialties: e.specialties.map((s) => specialtyLabel.get(s) ?? s),
      })),
    })),
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** The glossary's URL with the current filters and search, and the given letter (none: every letter of a search). */
function pageHref(data: Data, letterParam: string | null) {
  const search = new URLSearchParams();
  if (data.query) search.set("q", data.query);
  if (data.filter.categorie) search.set("categorie", data.filter.categorie);
  if (data.filter.specialite) search.set("specialite", data.filter.specialite);
  if (letterParam) search.set("lettre", letterParam);
  const qs = search.toString();
  return qs ? `/glossaire?${qs}` : "/glossaire";
}

function LetterIndex({ data }: { data: Data }) {
  return (
    <nav aria-label="Lettres de l'alphabet" className="sticky top-0 z-10 -mx-4 bg-slate-50 px-4 py-2 print:hidden">
      <ul className="flex flex-wrap gap-1">
        {data.letters.map((l) =>
          // 0–9 appears only when some term starts with a number.
          l.param === "0-9" && l.count === 0 ? null : (
            <li key={l.param}>
              {l.count > 0 ? (
                <Link
                  to={pageHref(data, l.param)}
                  aria-current={data.letter?.param === l.param ? "page" : undefined}
                  className={`inline-flex h-11 min-w-[2.75rem] flex-col items-center justify-center rounded border px-1 leading-none no-underline ${
                    data.letter?.param === l.param ? "border-brand-700 bg-brand-700 text-white hover:text-white" : "border-slate-300 bg-white hover:bg-brand-50"
                  }`}
                >
                  <span className="font-semibold">{l.label}</span>{" "}
                  <span className="mt-0.5 text-xs">
                    {l.count}
                    <span className="sr-only">{l.count > 1 ? " termes" : " terme"}</span>
                  </span>
                </Link>
              ) : (
                <span className="inline-flex h-11 min-w-[2.75rem] items-center justify-center rounded px-1 text-slate-500" aria-hidden="true">
                  {l.label}
                </span>
              )}
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

/** What a search found: how many terms, on which letter, and whether some are left out. */
function SearchSummary({ data }: { data: Data }) {
  const { query, matches, letter, groups, truncated, filter } = data;
  const shown = groups.reduce((n, g) => n + g.entries.length, 0);
  if (!matches) return <p role="status" className="card">{`Aucun terme ne correspond à « ${query} »${filter.categorie || filter.specialite ? " avec ce filtre" : ""}.`}</p>;
  return (
    <p role="status" className="font-semibold">
      {plural(matches, "terme correspond", "termes correspondent")} à « {query} »{letter ? `, dont ${shown} à la lettre ${letter.label}` : ""}.{" "}
      {letter ? <Link to={pageHref(data, null)}>Voir les résultats de toutes les lettres</Link> : null}
      {truncated ? `Les ${shown} premiers sont affichés : précisez la recherche ou choisissez une lettre.` : null}
    </p>
  );
}

export default function Glossaire() {
  const data = useLoaderData<typeof loader>();
  const { groups, total, filteredCount, filter, query, letter, categories, specialties } = data;
  const filtered = Boolean(filter.categorie || filter.specialite);

  // An old link or bookmark (/glossaire#oesophage) lands on the default letter: if its entry is on
  // another letter's page, ask the server where it is (?terme= answers with a redirect to its letter).
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && !id.startsWith("lettre-") && !document.getElementById(id)) window.location.replace(`/glossaire?terme=${id}`);
  }, []);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">Glossaire</h1>
        <p className="mt-2 text-slate-700">
          {total} termes, sigles et abréviations expliqués simplement.{filtered ? ` ${plural(filteredCount, "terme correspond", "termes correspondent")} à votre filtre.` : ""}
        </p>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-4" aria-label="Rechercher et filtrer le glossaire">
        <div className="min-w-[14rem] flex-1">
          <label htmlFor="q" className="field-label">
            Rechercher un terme
          </label>
          <input id="q" name="q" type="search" defaultValue={query ?? ""} maxLength={100} className="field-input" />
        </div>
        <div>
          <label htmlFor="categorie" className="field-label">
            Catégorie
          </label>
          <select id="categorie" name="categorie" defaultValue={filter.categorie ?? ""} className="field-input">
            <option value="">Toutes les catégories</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="specialite" className="field-label">
            Spécialité
          </label>
          <select id="specialite" name="specialite" defaultValue={filter.specialite ?? ""} className="field-input">
            <option value="">Toutes les spécialités</option>
            {specialties.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          Afficher
        </button>
        {filtered || query ? (
          <Link to="/glossaire" className="py-2">
            Tout le glossaire
          </Link>
        ) : null}
      </Form>
      <LetterIndex data={data} />
      {query ? <SearchSummary data={data} /> : null}
      {!query && groups.length === 0 ? (
        <p className="card">{filtered && filteredCount === 0 ? "Aucun terme ne correspond à ce filtre." : `Aucun terme à la lettre ${letter?.label ?? ""}${filtered ? " avec ce filtre" : ""}.`}</p>
      ) : null}
      {groups.map((g) => (
        <section key={g.anchor} aria-labelledby={g.anchor}>
          <h2 id={g.anchor} className="scroll-mt-16 border-b border-slate-300 pb-1 text-2xl font-bold">
            {g.letter}
          </h2>
          <dl className="mt-3 space-y-4">
            {g.entries.map((e) => (
              <div key={e.id} id={e.id} className="scroll-mt-16 target:rounded target:bg-amber-50 target:p-2">
                <dt className="text-lg font-semibold">
                  {e.term}
                  {e.expansion ? <span className="font-normal text-slate-700"> — {e.expansion}</span> : null}
                </dt>
                <dd className="mt-1">
                  <p>{e.definition}</p>
                  {e.alert ? <p className="mt-1 font-semibold text-red-900">{e.alert}</p> : null}
                  {e.example ? <p className="mt-1 italic text-slate-700">Exemple : {e.example}</p> : null}
                  <p className="mt-1 text-sm text-slate-700">
                    {e.category}
                    {e.specialties.length ? ` · ${e.specialties.join(", ")}` : ""}
                  </p>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
