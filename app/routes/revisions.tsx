import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { DAILY, GRADE_VALUES, GRADES } from "~/domain/review";
import { gradeSchema } from "~/forms/learning.server";
import { cardBack, cardFront, dueCards, gradeCard } from "~/models/review.server";
import { requireUser } from "~/models/permissions.server";
import { formDataToObject } from "~/utils/forms";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Révisions du jour — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const due = await dueCards(user.id, now);
  const url = new URL(request.url);
  const current = due[0] ?? null;
  // The answer side leaves the server only when the learner asks to see it, for the card in front of her.
  const reveal = current !== null && url.searchParams.get("reponse") === current.cardKey;
  return {
    remaining: due.length,
    dailyNew: DAILY.newCards,
    card: current
      ? { key: current.cardKey, isNew: current.reps === 0, front: cardFront(current.cardKey), back: reveal ? cardBack(current.cardKey) : null }
      : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = gradeSchema.safeParse(formDataToObject(await readForm(request)));
  if (!parsed.success) return data({ message: "Cette réponse n'a pas pu être enregistrée : rechargez la page." }, { status: 400 });
  const due = await gradeCard({ userId: user.id, cardKey: parsed.data.cardKey, grade: parsed.data.grade as (typeof GRADE_VALUES)[number] });
  if (!due) return data({ message: "Cette carte ne fait pas partie de vos révisions." }, { status: 404 });
  return redirect("/revisions");
}

export default function Revisions() {
  const { remaining, card, dailyNew } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const revealRef = useRef<HTMLAnchorElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Keyboard: space or Enter shows the answer; 1 to 4 grade it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable=true]") || e.ctrlKey || e.metaKey || e.altKey) return;
      // Space shows the answer (buttons keep their own Space); Enter too, unless a link or button has the focus.
      const interactive = target.closest("a, button");
      if (!card?.back && revealRef.current && ((e.key === " " && !target.closest("button")) || (e.key === "Enter" && !interactive))) {
        e.preventDefault();
        revealRef.current.click();
      }
      const g = GRADES.find((x) => x.key === e.key);
      if (card?.back && g) {
        e.preventDefault();
        formRef.current?.querySelector<HTMLButtonElement>(`button[value="${g.value}"]`)?.click();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [card]);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Révisions du jour</h1>
        <p className="text-slate-700" data-testid="a-reviser">
          {remaining > 0 ? `${remaining} carte${remaining > 1 ? "s" : ""} à réviser.` : "Rien à réviser pour le moment."} Jusqu'à {dailyNew} nouvelles cartes
          par jour : les termes de votre spécialité et les questions de quiz que vous avez manquées.
        </p>
      </header>
      {card && card.front ? (
        <section className="card space-y-4" aria-labelledby="carte" data-card={card.key}>
          <p className="text-sm font-bold uppercase tracking-wide text-brand-700">
            {card.front.kind === "terme" ? "Glossaire" : `Question — ${card.front.title}`}
            {card.isNew ? " · nouvelle carte" : ""}
          </p>
          <h2 id="carte" className="text-2xl font-bold">
            {card.front.kind === "terme" ? card.front.title : card.front.prompt}
          </h2>
          {card.front.context ? <p className="italic">{card.front.context}</p> : null}
          {card.front.kind === "terme" ? <p>{card.front.prompt}</p> : null}
          {card.back ? (
            <>
              <div className="rounded-md bg-slate-100 px-4 py-3" aria-live="polite">
                <p>
                  <span className="font-semibold">Réponse :</span> {card.back.answer}
                </p>
                {card.back.explanation ? <p className="mt-2">{card.back.explanation}</p> : null}
              </div>
              <Form method="post" ref={formRef} className="space-y-2">
                <input type="hidden" name="cardKey" value={card.key} />
                <p className="font-semibold">Comment s'est passé votre rappel ?</p>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                  {GRADES.map((g) => (
                    <button
                      key={g.value}
                      type="submit"
                      name="grade"
                      value={g.value}
                      className={g.value === GRADES[2].value ? "btn-primary" : "btn-secondary"}
                      disabled={busy}
                      aria-keyshortcuts={g.key}
                    >
                      {g.label} <span className="text-sm opacity-80">({g.key})</span>
                    </button>
                  ))}
                </div>
              </Form>
            </>
          ) : (
            <p>
              <Link ref={revealRef} to={`/revisions?reponse=${encodeURIComponent(card.key)}`} className="btn-primary" aria-keyshortcuts="Space">
                Afficher la réponse
              </Link>
              <span className="ml-3 text-sm text-slate-700">(barre d'espace)</span>
            </p>
          )}
        </section>
      ) : (
        <p className="card">Bravo, vos révisions du jour sont terminées. Revenez demain : les cartes reviennent au moment où vous risquez de les oublier.</p>
      )}
    </div>
  );
}
