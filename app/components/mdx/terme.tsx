// A word linked to its glossary entry. The module's or fiche's body is rendered once to HTML on the server
// (see content/render.server.tsx), so this component has no state: it writes the link and its definition,
// hidden; `enhanceTerms` (./terme-island) makes them live in the browser. Its definition then shows on
// hover (mouse), on keyboard focus, and on a tap or a click — a tap does not leave the module: the
// definition opens (as a sheet at the bottom of a phone's screen) with a link to the glossary and a
// « Fermer » button. Escape closes it (WCAG 1.4.13). Without JavaScript it is a plain link to the glossary.
import { createContext, useContext, useId, type ReactNode } from "react";

/** What a page gives each <Terme> it shows; `href` is the entry in the glossary (see glossaryHref). */
export type TermDefinition = { term: string; definition: string; href: string };
export const GlossaryContext = createContext<Record<string, TermDefinition>>({});

export function Terme({ id, children }: { id: string; children?: ReactNode }) {
  const entry = useContext(GlossaryContext)[id];
  const tipId = useId();
  if (!entry) return <a href={`/glossaire?terme=${encodeURIComponent(id)}`}>{children}</a>;
  const { href } = entry;
  return (
    <span className="relative inline" data-terme-wrapper>
      <a href={href} aria-describedby={tipId} aria-expanded="false" data-terme={id} className="cursor-help decoration-dotted decoration-2 underline-offset-4">
        {children}
      </a>
      <span
        data-glossary-popover
        className="fixed inset-x-0 bottom-0 z-40 hidden max-h-[60vh] overflow-y-auto rounded-t-xl border-t-2 border-brand-700 bg-white p-4 text-left text-base font-normal not-italic text-slate-900 shadow-2xl sm:absolute sm:inset-x-auto sm:bottom-auto sm:left-0 sm:top-full sm:mt-1 sm:w-80 sm:max-w-[80vw] sm:rounded-md sm:border sm:border-slate-300 sm:p-3 sm:shadow-lg"
      >
        <span id={tipId} className="block">
          <span className="block font-semibold">{entry.term}</span>
          <span className="block">{entry.definition}</span>
        </span>
        <span className="mt-2 flex flex-wrap items-center justify-between gap-3">
          <a href={href} className="font-semibold">
            Voir dans le glossaire
          </a>
          <button type="button" data-terme-close className="btn-secondary min-h-[40px] px-3 py-1 text-sm">
            Fermer
          </button>
        </span>
      </span>
    </span>
  );
}
