// A word linked to its glossary entry, with its definition on hover, focus or tap.
// Without JavaScript it is a plain link to the glossary; Escape closes the definition (WCAG 1.4.13).
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";

export type TermDefinition = { term: string; definition: string };
export const GlossaryContext = createContext<Record<string, TermDefinition>>({});

export function Terme({ id, children }: { id: string; children?: ReactNode }) {
  const entry = useContext(GlossaryContext)[id];
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const ref = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [open]);

  const href = `/glossaire#${id}`;
  if (!entry) return <a href={href}>{children}</a>;
  return (
    <span ref={ref} className="group relative inline" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <a
        href={href}
        aria-describedby={tipId}
        data-terme={id}
        className="cursor-help decoration-dotted decoration-2 underline-offset-4"
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={(e) => {
          // First tap shows the definition; a second tap (or Ctrl/⌘-click) follows the link.
          if (!open && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {children}
      </a>
      <span
        role="tooltip"
        id={tipId}
        className={`${open ? "block" : "hidden"} absolute left-0 top-full z-20 mt-1 w-72 max-w-[80vw] rounded-md border border-slate-300 bg-white p-3 text-left text-base font-normal not-italic text-slate-900 shadow-lg`}
      >
        <span className="block font-semibold">{entry.term}</span>
        <span className="block">{entry.definition}</span>
      </span>
    </span>
  );
}
