import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GLOSSARY_CATEGORIES, SPECIALTIES } from "~/content/glossary";
import { listGlossary, alertConductSentence } from "~/content/modules.server";
import { filterEntries, groupByInitial } from "~/domain/glossary";
import { requireUser } from "~/models/permissions.server";
import { z } from "~/utils/zod";

export const meta: MetaFunction = () => [{ title: "Glossaire — Pivot" }];

const filterSchema = z.object({
  categorie: z.enum(GLOSSARY_CATEGORIES.map((c) => c.id) as [string, ...string[]]).optional().catch(undefined),
  specialite: z.enum(SPECIALTIES.map((s) => s.id) as [string, ...string[]]).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // An unknown filter value is ignored rather than refused: the page stays useful.
  const filter = filterSchema.parse({ categorie: params.categorie || undefined, specialite: params.specialite || undefined });
  const all = listGlossary();
  const entries = filterEntries(all, { category: filter.categorie, specialty: filter.specialite });
  const categoryLabel = new Map<string, string>(GLOSSARY_CATEGORIES.map((c) => [c.id, c.label]));
  const specialtyLabel = new Map<string, string>(SPECIALTIES.map((s) => [s.id, s.label]));
  return {
    total: all.length,
    count: entries.length,
    filter,
    categories: GLOSSARY_CATEGORIES,
    specialties: SPECIALTIES,
    groups: groupByInitial(entries).map((g) => ({
      letter: g.letter,
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

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");

export default function Glossaire() {
  const { groups, total, count, filter, categories, specialties } = useLoaderData<typeof loader>();
  const present = new Set(groups.map((g) => g.letter));
  const filtered = Boolean(filter.categorie || filter.specialite);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">Glossaire</h1>
        <p className="mt-2 text-slate-700">
          {total} termes, sigles et abréviations expliqués simplement. {filtered ? `${count} correspondent à votre filtre.` : ""}
        </p>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-4" aria-label="Filtrer le glossaire">
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
          Filtrer
        </button>
        {filtered ? (
          <Link to="/glossaire" className="py-2">
            Tout afficher
          </Link>
        ) : null}
      </Form>
      <nav aria-label="Lettres de l'alphabet" className="sticky top-0 z-10 -mx-4 bg-slate-50 px-4 py-2 print:hidden">
        <ul className="flex flex-wrap gap-1">
          {LETTERS.map((l) => (
            <li key={l}>
              {present.has(l) ? (
                <a href={`#lettre-${l}`} className="inline-flex h-9 w-9 items-center justify-center rounded border border-slate-300 bg-white font-semibold no-underline hover:bg-brand-50">
                  {l}
                </a>
              ) : (
                <span className="inline-flex h-9 w-9 items-center justify-center rounded text-slate-500" aria-hidden="true">
                  {l}
                </span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {groups.length === 0 ? <p className="card">Aucun terme ne correspond à ce filtre.</p> : null}
      {groups.map((g) => (
        <section key={g.letter} aria-labelledby={`lettre-${g.letter}`}>
          <h2 id={`lettre-${g.letter}`} className="scroll-mt-16 border-b border-slate-300 pb-1 text-2xl font-bold">
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
