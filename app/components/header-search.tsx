// The header's search box. Without JavaScript, a plain form that opens /recherche. With it, a combobox
// (ARIA 1.2, list autocomplete): a few suggestions appear as she types; arrows move among them, Enter opens
// the one chosen (or the full search when none is), Escape closes the list and keeps what she typed.
// "/" focuses the box from anywhere, unless she is typing somewhere else.
import { Form, useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { SEARCH_KIND_LABELS } from "~/domain/search";
import { plural } from "~/utils/typography";
import type { loader as suggestionsLoader } from "~/routes/recherche_.suggestions";
import { useHydrated } from "~/utils/hydration";

/** Waits this long after the last key before asking, so fast typing sends one request, not one per letter. */
const PAUSE_MS = 150;

export function HeaderSearch({ id }: { id: string }) {
  const input = useRef<HTMLInputElement>(null);
  const fetcher = useFetcher<typeof suggestionsLoader>();
  const navigate = useNavigate();
  const listId = `${useId()}-suggestions`;
  const [typed, setTyped] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const hydrated = useHydrated();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target.closest("input, textarea, select, [contenteditable=true]")) return;
      // Two boxes exist (the desktop header, the phone menu): only the one on screen takes the key.
      if (!input.current || input.current.offsetParent === null) return;
      e.preventDefault();
      input.current.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      clearTimeout(timer.current);
    };
  }, []);

  // Suggestions answer the text typed now, never an older request's.
  const suggestions = fetcher.data && fetcher.data.q === typed.trim() ? fetcher.data.suggestions : [];
  const expanded = open && suggestions.length > 0;

  const ask = (value: string) => {
    setTyped(value);
    setActive(-1);
    setOpen(true);
    clearTimeout(timer.current);
    if (value.trim().length < 2) return;
    timer.current = setTimeout(() => fetcher.load(`/recherche/suggestions?q=${encodeURIComponent(value.trim())}`), PAUSE_MS);
  };

  const go = (url: string) => {
    setOpen(false);
    setTyped("");
    navigate(url);
  };

  return (
    <Form method="get" action="/recherche" role="search" className="relative flex w-full items-center gap-2 md:w-auto" onSubmit={() => setOpen(false)}>
      <label htmlFor={id} className="sr-only">
        Rechercher (raccourci : touche /)
      </label>
      <input
        ref={input}
        id={id}
        name="q"
        type="search"
        placeholder="Rechercher… ( / )"
        aria-keyshortcuts="/"
        autoComplete="off"
        // A combobox only once suggestions can come (JavaScript); before, a plain search box.
        {...(hydrated
          ? {
              "data-enhanced": true,
              role: "combobox",
              "aria-autocomplete": "list" as const,
              "aria-expanded": expanded,
              "aria-controls": listId,
              "aria-activedescendant": expanded && active >= 0 ? `${listId}-${active}` : undefined,
            }
          : {})}
        value={typed}
        onChange={(e) => ask(e.target.value)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "Escape" && expanded) {
            // Closes the list only (not the phone menu around it), and keeps the text.
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            if (!expanded) {
              setOpen(true);
              return;
            }
            e.preventDefault();
            const step = e.key === "ArrowDown" ? 1 : -1;
            // -1 is the box itself: the arrows go round the suggestions and back to what she typed.
            const places = suggestions.length + 1;
            setActive((i) => ((i + 1 + step + places) % places) - 1);
          } else if (e.key === "Enter" && expanded && active >= 0 && suggestions[active]) {
            e.preventDefault();
            go(suggestions[active]!.url);
          }
        }}
        className="w-full rounded-md border border-white/70 bg-brand-800 px-3 py-2 text-white placeholder:text-brand-100 focus:bg-white focus:text-slate-900 md:w-56"
      />
      <button type="submit" className="rounded border border-white px-3 py-2 text-sm font-semibold hover:bg-brand-800">
        OK
      </button>
      <ul id={listId} role="listbox" aria-label="Suggestions" hidden={!expanded} className="absolute left-0 top-full z-50 mt-1 w-full min-w-[18rem] overflow-hidden rounded-md border border-slate-300 bg-white text-slate-900 shadow-lg md:w-[26rem]">
        {suggestions.map((s, i) => (
          <li
            key={s.url}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input keeps the focus until the page changes.
            onMouseDown={(e) => {
              e.preventDefault();
              go(s.url);
            }}
            className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 ${i === active ? "bg-brand-700 text-white" : "hover:bg-brand-50"}`}
          >
            <span className="font-semibold">{s.title}</span>
            <span className={`shrink-0 text-xs ${i === active ? "text-white" : "text-slate-700"}`}>{SEARCH_KIND_LABELS[s.kind].one}</span>
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">
        {expanded ? `${plural(suggestions.length, "suggestion", "suggestions")}, flèches haut et bas pour choisir` : ""}
      </p>
    </Form>
  );
}
