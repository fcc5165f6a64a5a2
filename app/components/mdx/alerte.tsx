// Red flags and conducts as the registry (content/alertes.yaml) defines them: an author names them by id,
// the words and the conduct come from one place.
import { createContext, useContext } from "react";

export type AlertView = { signe: string; conduite: string; label: string; urgent: boolean; steps: readonly string[] };
export type ConductView = { label: string; urgent: boolean };
export const AlertContext = createContext<{ alerts: Record<string, AlertView>; conducts: Record<string, ConductView> }>({ alerts: {}, conducts: {} });

/** A red flag inline: its wording, marked as an alert. */
export function Alerte({ id }: { id: string }) {
  const alert = useContext(AlertContext).alerts[id];
  if (!alert) return null;
  return (
    <span className="font-semibold text-red-900">
      <span className="alert-badge mr-1 inline-block rounded bg-red-700 px-1.5 text-xs font-bold uppercase tracking-wide text-white">Alerte</span>
      {alert.signe}
    </span>
  );
}

/** A conduct of the closed list, inline. */
export function Conduite({ id }: { id: string }) {
  const conduct = useContext(AlertContext).conducts[id];
  if (!conduct) return null;
  return <span className={conduct.urgent ? "font-bold text-red-900" : "font-semibold"}>{conduct.label}</span>;
}

/** The red flags of a page with their conduct and its steps (fiche pages, printable). */
export function AlertList({ ids, alerts }: { ids: readonly string[]; alerts: Record<string, AlertView> }) {
  const byConduct = new Map<string, AlertView[]>();
  for (const id of ids) {
    const a = alerts[id];
    if (a) byConduct.set(a.conduite, [...(byConduct.get(a.conduite) ?? []), a]);
  }
  return (
    <div className="space-y-3">
      {[...byConduct.entries()].map(([conduct, list]) => (
        <div key={conduct}>
          <p className="font-bold text-red-900">{list[0]!.label} :</p>
          <ul className="list-disc pl-6">
            {list.map((a) => (
              <li key={a.signe} className="font-semibold">
                {a.signe}
              </li>
            ))}
          </ul>
          {list[0]!.steps.length ? (
            <ol className="mt-1 list-decimal pl-6 text-sm">
              {list[0]!.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          ) : null}
        </div>
      ))}
    </div>
  );
}
