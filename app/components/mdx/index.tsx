// The one registry of components handed to MDX; authors use them without imports.
import type { ReactNode } from "react";
import type { MDX_COMPONENT_NAMES } from "./names";
import { Alerte, Conduite } from "./alerte";
import { Terme } from "./terme";

const ENCADRE_KINDS = {
  info: { label: "Information", className: "border-sky-700 bg-sky-50", icon: "ℹ" },
  attention: { label: "Attention", className: "border-amber-700 bg-amber-50", icon: "!" },
  retenir: { label: "À retenir", className: "border-emerald-700 bg-emerald-50", icon: "✓" },
} as const;

export function Encadre({ type = "info", title, children }: { type?: keyof typeof ENCADRE_KINDS; title?: string; children?: ReactNode }) {
  const kind = ENCADRE_KINDS[type] ?? ENCADRE_KINDS.info;
  return (
    <aside className={`my-5 rounded-md border-l-4 px-4 py-3 ${kind.className}`} aria-label={title ?? kind.label}>
      <p className="flex items-center gap-2 font-bold">
        <span aria-hidden="true" className="inline-flex h-6 w-6 items-center justify-center rounded-full bg-white text-sm">
          {kind.icon}
        </span>
        {title ?? kind.label}
      </p>
      <div className="[&>p:first-child]:mt-1 [&>p:last-child]:mb-0">{children}</div>
    </aside>
  );
}

export function Situation({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <section className="my-6 rounded-lg border border-indigo-300 bg-indigo-50 px-4 py-3" aria-label={`Mise en situation${title ? ` : ${title}` : ""}`}>
      <p className="text-sm font-bold uppercase tracking-wide text-indigo-900">Mise en situation</p>
      {title ? <p className="mt-1 text-lg font-semibold">{title}</p> : null}
      <div className="[&>p:last-child]:mb-0">{children}</div>
    </section>
  );
}

export function Question({ children }: { children?: ReactNode }) {
  return <p className="my-3 font-semibold text-indigo-950">{children}</p>;
}

export function Reponse({ children }: { children?: ReactNode }) {
  return (
    <details className="my-3 rounded-md border border-indigo-200 bg-white px-4 py-2">
      <summary className="cursor-pointer py-1 font-semibold text-indigo-900">Voir la réponse commentée</summary>
      <div className="pb-1">{children}</div>
    </details>
  );
}

/**
 * A writing exercise: the instructions, a field to draft in (kept in the page only), and a model answer to
 * compare with, shown on request (a <details>: no JavaScript needed).
 */
export function Exercice({ title, consigne, children }: { title?: string; consigne: string; children?: ReactNode }) {
  const id = `exercice-${(title ?? consigne)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)}`;
  return (
    <section className="my-6 rounded-lg border border-teal-300 bg-teal-50 px-4 py-3" aria-labelledby={`${id}-titre`}>
      <p id={`${id}-titre`} className="text-sm font-bold uppercase tracking-wide text-teal-900">
        Exercice de rédaction{title ? ` : ${title}` : ""}
      </p>
      <p className="mt-1">{consigne}</p>
      <label htmlFor={`${id}-brouillon`} className="mt-3 block font-semibold">
        Votre brouillon (il n'est pas enregistré)
      </label>
      <textarea id={`${id}-brouillon`} rows={6} className="field-input mt-1 w-full" />
      <details className="mt-3 rounded-md border border-teal-200 bg-white px-4 py-2">
        <summary className="cursor-pointer py-1 font-semibold text-teal-900">Comparer avec un modèle de réponse</summary>
        <div className="pb-1">{children}</div>
      </details>
    </section>
  );
}

export const mdxComponents: Record<(typeof MDX_COMPONENT_NAMES)[number], (props: never) => ReactNode> = {
  Encadre,
  Situation,
  Question,
  Reponse,
  Terme,
  Alerte,
  Conduite,
  Exercice,
};
