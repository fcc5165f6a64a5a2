import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { MdxHtml } from "~/components/mdx-html";
import { FICHE_SECTIONS } from "~/content/glossary-labels";
import { glossaryHref } from "~/domain/glossary";
import { slugify } from "~/utils/slug";
import { AlertList } from "~/components/mdx/alerte";
import { alertDefinitions, pageBody, getFiche, getGlossaryEntry } from "~/content/modules.server";
import { pinSchema } from "~/forms/learning.server";
import { listPinned, pin, unpin } from "~/models/fiches.server";
import { notFound, requireUser } from "~/models/permissions.server";
import { formatDay } from "~/utils/dates";
import { isDocumentRequest, readForm } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Fiche réflexe ${data.fiche.title} — Pivot` : "Fiche réflexe — Pivot" }];

function loadFiche(id: string | undefined) {
  const fiche = id ? getFiche(id) : undefined;
  if (!fiche) notFound("Cette fiche réflexe n'existe pas. Retrouvez toutes les spécialités sur la page « Fiches réflexes ».");
  return fiche;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const fiche = loadFiche(params.specialite);
  const fm = fiche.frontmatter;
  const pinned = (await listPinned(user.id)).includes(fm.id);
  return {
    pinned,
    fiche: {
      id: fm.id,
      title: fm.title,
      summary: fm.summary,
      version: fm.version,
      updated: formatDay(fm.updated),
      reviewDate: formatDay(fm.reviewDate),
      author: fm.author,
      validatedBy: fm.validatedBy,
      alertIds: fm.alertes,
      alerts: alertDefinitions(fm.alertes).alerts,
      body: pageBody(fiche, { documentRequest: isDocumentRequest(context) }),
      vocabulary: fm.vocabulary.flatMap((id) => {
        const e = getGlossaryEntry(id);
        return e ? [{ id, term: e.term, expansion: e.expansion ?? null, definition: e.definition, href: glossaryHref(e) }] : []; // the red flags and their conduct are in the box above
      }),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const fiche = loadFiche(params.specialite);
  const parsed = pinSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: "Action non reconnue. Rechargez la page et réessayez." }, { status: 400 });
  if (parsed.data.intent === "epingler") await pin({ userId: user.id, ficheId: fiche.frontmatter.id });
  else await unpin({ userId: user.id, ficheId: fiche.frontmatter.id });
  return { error: null };
}

export default function FichePage() {
  const { fiche, pinned } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  return (
    <article className="fiche space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm font-semibold print:hidden">
        <Link to="/fiches-reflexes">Fiches réflexes</Link>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-bold uppercase tracking-wide text-brand-700">Fiche réflexe</p>
          <h1 className="text-3xl font-bold print:text-2xl">{fiche.title}</h1>
          <p className="mt-1 max-w-3xl text-lg text-slate-700 print:text-sm">{fiche.summary}</p>
        </div>
        <div className="flex gap-2 print:hidden">
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value={pinned ? "retirer" : "epingler"}
              className={pinned ? "btn-secondary" : "btn-primary"}
              disabled={busy}
              aria-pressed={pinned}
            >
              {pinned ? "★ Retirer de mes fiches" : "☆ Ajouter à mes fiches"}
            </button>
          </Form>
          <button type="button" className="btn-secondary" onClick={() => window.print()}>
            Imprimer
          </button>
        </div>
      </header>

      <section aria-label="Identification de la fiche" className="card grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 print:border-0 print:p-0 print:shadow-none">
        <p>
          <span className="font-semibold">Version :</span> {fiche.version}, mise à jour le {fiche.updated}
        </p>
        <p>
          <span className="font-semibold">Prochaine révision :</span> {fiche.reviewDate}
        </p>
        <p>
          <span className="font-semibold">Rédaction :</span> {fiche.author}
        </p>
        <p>
          <span className="font-semibold">Validation :</span> {fiche.validatedBy}
        </p>
      </section>

      <aside className="alert-box rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3" aria-labelledby="alerte-titre">
        <h2 id="alerte-titre" className="font-bold text-red-900">
          Signes d'alerte : ce que vous faites
        </h2>
        <AlertList ids={fiche.alertIds} alerts={fiche.alerts} />
        <p className="mt-2 text-sm">Dans tous les cas, ne donnez pas d'avis médical. En cas de doute, la conduite la plus sûre : le 15.</p>
      </aside>

      <nav aria-label="Aller à une section de la fiche" className="print:hidden">
        <p className="mb-2 font-semibold">Aller à :</p>
        <ul className="flex flex-wrap gap-2">
          {FICHE_SECTIONS.map((s) => (
            <li key={s}>
              <a
                href={`#${slugify(s)}`}
                className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold no-underline hover:bg-slate-100"
              >
                {s}
              </a>
            </li>
          ))}
          <li>
            <a
              href="#vocabulaire-titre"
              className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold no-underline hover:bg-slate-100"
            >
              Vocabulaire
            </a>
          </li>
        </ul>
      </nav>

      <MdxHtml key={fiche.body.key} body={fiche.body} />

      <section aria-labelledby="vocabulaire-titre" className="print:break-before-auto">
        <h2 id="vocabulaire-titre" className="text-2xl font-bold print:text-lg">
          Vocabulaire
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2 print:grid-cols-2 print:gap-y-0.5 print:text-xs">
          {fiche.vocabulary.map((v) => (
            <div key={v.id}>
              <dt className="inline font-semibold">
                <a href={v.href}>{v.term}</a>
                {v.expansion ? ` (${v.expansion})` : ""} :{" "}
              </dt>
              <dd className="inline">{v.definition}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
