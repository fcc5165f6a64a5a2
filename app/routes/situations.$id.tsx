// An interactive situation: one step at a time, a choice, its consequence and feedback, then the next step.
// The path travels in the URL (?parcours=a.c.b): plain GET forms, so it works without JavaScript.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FormMessage } from "~/components/field";
import { getModule, getSituation } from "~/content/modules.server";
import { parsePath, walk } from "~/domain/situations";
import { notFound, requireUser } from "~/models/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.situation ? `${data.situation.title} — Mise en situation — Pivot` : "Mise en situation — Pivot" },
];

const POINTS = ["À éviter", "Acceptable", "La bonne conduite"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const situation = getSituation(params.id ?? "");
  if (!situation) notFound("Cette mise en situation n'existe pas. Retrouvez-les depuis les pages des modules.");
  const url = new URL(request.url);
  const path = parsePath(url.searchParams.get("parcours"));
  // A choice just made: add it to the path, and keep a clean address (reloading does not choose twice).
  const choice = url.searchParams.get("choix");
  if (choice !== null) {
    const next = [...path, choice].join(".");
    throw redirect(`/situations/${situation.id}?parcours=${encodeURIComponent(next)}#etape-${path.length + 1}`);
  }
  const module = getModule(situation.module);
  const header = {
    id: situation.id,
    title: situation.title,
    summary: situation.summary,
    module: module ? { id: module.frontmatter.id, title: module.frontmatter.title } : null,
  };
  const played = walk(situation, path);
  if (!played.ok)
    return data({ situation: header, invalid: true as const, path: "", history: [], step: null, ended: false, score: 0, maxScore: 0 }, { status: 400 });
  return {
    situation: header,
    invalid: false as const,
    path: path.join("."),
    history: played.history.map((h) => ({ scene: h.step.text, choice: h.choice.text, feedback: h.choice.feedback, points: h.choice.points })),
    step: { text: played.step.text, choices: played.step.choices.map((c) => ({ id: c.id, text: c.text })) },
    ended: played.ended,
    score: played.score,
    maxScore: played.maxScore,
  };
}

export default function SituationPage() {
  const { situation, invalid, path, history, step, ended, score, maxScore } = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm font-semibold">
        {situation.module ? (
          <>
            <Link to={`/modules/${situation.module.id}`}>{situation.module.title}</Link> › Mise en situation
          </>
        ) : (
          "Mise en situation"
        )}
      </p>
      <h1 className="text-3xl font-bold">{situation.title}</h1>
      <p className="text-lg text-slate-700">{situation.summary}</p>

      {invalid ? (
        <FormMessage kind="error">
          Ce parcours ne correspond pas à cette situation (le lien a peut-être été modifié).{" "}
          <Link to={`/situations/${situation.id}`}>Recommencer depuis le début</Link>.
        </FormMessage>
      ) : null}

      <ol className="space-y-4">
        {history.map((h, i) => (
          <li key={i} id={`etape-${i + 1}`} className="card space-y-2">
            <p className="text-sm font-semibold text-slate-600">Étape {i + 1}</p>
            <p>{h.scene}</p>
            <p>
              <span className="font-semibold">Vous avez choisi :</span> {h.choice}
            </p>
            <div
              className={`rounded-md border-l-4 px-4 py-2 ${h.points === 2 ? "border-emerald-700 bg-emerald-50" : h.points === 1 ? "border-amber-700 bg-amber-50" : "border-red-700 bg-red-50"}`}
            >
              <p className="font-bold">{POINTS[h.points]}</p>
              <p>{h.feedback}</p>
            </div>
          </li>
        ))}
      </ol>

      {step ? (
        <section id={`etape-${history.length + 1}`} aria-labelledby="scene" className="card space-y-4">
          <h2 id="scene" className="text-xl font-bold">
            {ended ? "Et ensuite…" : `Étape ${history.length + 1}`}
          </h2>
          <p>{step.text}</p>
          {ended ? (
            <div className="space-y-3" role="status">
              <p className="text-lg font-bold">
                Votre parcours : {score} point{score > 1 ? "s" : ""} sur {maxScore}.
              </p>
              <p>
                {score === maxScore ? "Chaque choix était la bonne conduite." : "Relisez les retours ci-dessus, puis recommencez pour essayer un autre chemin."}
              </p>
              <p className="flex flex-wrap gap-3">
                <Link to={`/situations/${situation.id}`} className="btn-secondary">
                  Recommencer
                </Link>
                {situation.module ? (
                  <Link to={`/modules/${situation.module.id}`} className="btn-primary">
                    Revenir au module
                  </Link>
                ) : null}
              </p>
            </div>
          ) : (
            <Form method="get" className="space-y-3">
              <input type="hidden" name="parcours" value={path} />
              <fieldset className="space-y-2">
                <legend className="font-semibold">Que dites-vous ou que faites-vous ?</legend>
                {step.choices.map((c) => (
                  <label key={c.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-300 p-3 hover:bg-slate-50">
                    <input type="radio" name="choix" value={c.id} required className="mt-1 h-5 w-5" />
                    <span>{c.text}</span>
                  </label>
                ))}
              </fieldset>
              <button type="submit" className="btn-primary">
                Valider ce choix
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </article>
  );
}
