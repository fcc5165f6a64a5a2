// A module's or fiche's body as the server rendered it once (content/render.server.tsx). The only script
// it needs is the one that opens glossary definitions; everything else is plain HTML and CSS.
//
// A document carries the body once, in its HTML: the page's data names it by key only (pageBody in
// content/modules.server.ts). The server renders it through BodyLookup; the browser keeps the HTML it
// received. A navigation in the browser brings the body with the data instead.
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { enhanceTerms } from "./mdx/terme-island";

/** A page's body: its key (kind, id and a hash of the HTML) and its HTML, absent from a document's data. */
export type PageBody = { key: string; html: string | null };

/** Set by entry.server.tsx only: the HTML of a body, by key. */
export const BodyLookup = createContext<((key: string) => string | undefined) | null>(null);

/** Use with `key={body.key}`: another body is another element. */
export function MdxHtml({ body }: { body: PageBody }) {
  const lookup = useContext(BodyLookup);
  const ref = useRef<HTMLDivElement>(null);
  // Kept from the first render: a revalidation of the same page brings the same body (same key).
  const [html] = useState(() => body.html ?? lookup?.(body.key) ?? receivedHtml(body.key));
  useEffect(() => (ref.current ? enhanceTerms(ref.current) : undefined), []);
  return <div ref={ref} className="prose-pivot" data-corps={body.key} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** While hydrating a document: the body as the server sent it. */
function receivedHtml(key: string): string {
  if (typeof document === "undefined") return "";
  return [...document.querySelectorAll<HTMLElement>("[data-corps]")].find((element) => element.dataset.corps === key)?.innerHTML ?? "";
}
