// What a positioning test showed: each competency of the block, then the personal list of modules.
import { Link } from "@remix-run/react";
import { PLAN_ACTIONS, PLAN_LABELS } from "~/domain/positioning";
import { formatDay } from "~/utils/dates";

type Positioning = {
  number: number;
  title: string;
  at: string;
  competencies: { competencyId: string; title: string; correct: number; total: number; outcome: string; label: string }[];
  plan: { id: string; title: string; minutes: number; action: string; reason: string }[];
};

const OUTCOME_STYLES: Record<string, string> = {
  maitrisee: "border-emerald-600 bg-emerald-50 text-emerald-900",
  a_consolider: "border-amber-600 bg-amber-50 text-amber-900",
  a_acquerir: "border-slate-400 bg-slate-50 text-slate-900",
};

export function PositioningOutcome({ positioning, headingLevel = 2 }: { positioning: Positioning; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const groups = PLAN_ACTIONS.map((action) => ({ action, items: positioning.plan.filter((p) => p.action === action) }));
  return (
    <section id="positionnement" aria-labelledby={`positionnement-${positioning.number}`} className="card space-y-4" data-positioning-block={positioning.number} tabIndex={-1} data-focus-on-arrival>
      <H id={`positionnement-${positioning.number}`} className="text-2xl font-bold">
        Votre positionnement — Bloc {positioning.number}, test du {formatDay(positioning.at.slice(0, 10))}
      </H>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Résultat par compétence">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Résultat du test par compétence</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-4">
                Compétence
              </th>
              <th scope="col" className="py-2 pr-4">
                Bonnes réponses
              </th>
              <th scope="col" className="py-2">
                Résultat
              </th>
            </tr>
          </thead>
          <tbody>
            {positioning.competencies.map((c) => (
              <tr key={c.competencyId} className="border-b border-slate-200" data-positioning-competency={c.competencyId} data-outcome={c.outcome}>
                <td className="py-2 pr-4">{c.title}</td>
                <td className="py-2 pr-4">
                  {c.correct} sur {c.total}
                </td>
                <td className="py-2">
                  <span className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-semibold ${OUTCOME_STYLES[c.outcome] ?? ""}`}>{c.label}</span>
                  {c.outcome === "maitrisee" ? <span className="ml-2 text-sm">validée par test</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="space-y-3" data-testid="programme-personnalise">
        <Sub className="text-xl font-bold">Votre programme personnalisé</Sub>
        {groups.map((g) =>
          g.items.length ? (
            <div key={g.action}>
              <p className="font-semibold">{PLAN_LABELS[g.action]}</p>
              <ul className="list-disc space-y-1 pl-6">
                {g.items.map((m) => (
                  <li key={m.id} data-plan-module={m.id} data-plan-action={m.action}>
                    <Link to={`/modules/${m.id}`}>{m.title}</Link> ({m.minutes} min) — {m.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null,
        )}
      </div>
    </section>
  );
}
