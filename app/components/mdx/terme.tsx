// A word linked to its glossary entry. Its definition shows on hover (mouse), on keyboard focus, and on a
// tap or a click — a tap no longer leaves the module: the definition opens (as a sheet at the bottom of a
// phone's screen) with a link to the glossary and a « Fermer » button. Escape closes it (WCAG 1.4.13).
// Without JavaScript it is a plain link to the glossary.
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";

/** What a page gives each <Terme> it shows; `href` is the entry in the glossary (see glossaryHref). */
export type TermDefinition = { term: string; definition: string; href: string };
export const GlossaryContext = createContext<Record<string, TermDefinition>>({});

type Open = "no" | "hover" | "focus" | "pinned";

export function Terme({ id, children }: { id: string; children?: ReactNode }) {
  const entry = useContext(GlossaryContext)[id];
  const [open, setOpen] = useState<Open>("no");
  const tipId = useId();
  const ref = useRef<HTMLSpanElement>(null);
  const trigger = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (open === "no") return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      const inside = ref.current?.contains(document.activeElement);
      setOpen("no");
      if (inside) trigger.current?.focus({ preventScroll: true });
    };
    const onPointer = (e: PointerEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen("no");
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  if (!entry) return <a href={`/glossaire?terme=${encodeURIComponent(id)}`}>{children}</a>;
  const { href } = entry;
  const shown = open !== "no";
  return (
    <span
      ref={ref}
      className="relative inline"
      onPointerEnter={(e) => e.pointerType === "mouse" && open === "no" && setOpen("hover")}
      onPointerLeave={(e) => e.pointerType === "mouse" && open === "hover" && setOpen("no")}
      onBlur={(e) => {
        // Moving focus into the definition (its link, its button) keeps it open.
        if (open === "focus" && !ref.current?.contains(e.relatedTarget as Node | null)) setOpen("no");
      }}
    >
      <a
        ref={trigger}
        href={href}
        aria-describedby={tipId}
        aria-expanded={shown}
        data-terme={id}
        className="cursor-help decoration-dotted decoration-2 underline-offset-4"
        onFocus={() => open === "no" && setOpen("focus")}
        onClick={(e) => {
          // A tap or a click opens (or closes) the definition; Ctrl/⌘-click still opens the glossary.
          if (e.ctrlKey || e.metaKey || e.shiftKey) return;
          e.preventDefault();
          setOpen(open === "pinned" ? "no" : "pinned");
        }}
      >
        {children}
      </a>
      <span
        data-glossary-popover
        className={`${shown ? "block" : "hidden"} fixed inset-x-0 bottom-0 z-40 max-h-[60vh] overflow-y-auto rounded-t-xl border-t-2 border-brand-700 bg-white p-4 text-left text-base font-normal not-italic text-slate-900 shadow-2xl sm:absolute sm:inset-x-auto sm:bottom-auto sm:left-0 sm:top-full sm:mt-1 sm:w-80 sm:max-w-[80vw] sm:rounded-md sm:border sm:border-slate-300 sm:p-3 sm:shadow-lg`}
      >
        <span id={tipId} className="block">
          <span className="block font-semibold">{entry.term}</span>
          <span className="block">{entry.definition}</span>
        </span>
        <span className="mt-2 flex flex-wrap items-center justify-between gap-3">
          <a href={href} className="font-semibold">
            Voir dans le glossaire
          </a>
          <button type="button" className="btn-secondary min-h-[40px] px-3 py-1 text-sm" onClick={() => (setOpen("no"), trigger.current?.focus({ preventScroll: true }))}>
            Fermer
          </button>
        </span>
      </span>
    </span>
  );
}
