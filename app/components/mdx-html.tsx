// A module's or fiche's body as the server rendered it once (content/render.server.tsx). The only script
// it needs is the one that opens glossary definitions; everything else is plain HTML and CSS.
import { memo, useEffect, useRef } from "react";
import { enhanceTerms } from "./mdx/terme-island";

export const MdxHtml = memo(function MdxHtml({ html }: { html: string }) {
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => (body.current ? enhanceTerms(body.current) : undefined), [html]);
  return <div ref={body} className="prose-pivot" dangerouslySetInnerHTML={{ __html: html }} />;
});
