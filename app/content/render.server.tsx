// Renders a compiled MDX body to HTML, once per content version (modules.server keeps the result with the
// manifest it came from): the body is the same for everyone, so no request pays for it again, and the
// browser never evaluates MDX code (no 'unsafe-eval' in the Content-Security-Policy). What is alive in it
// (glossary words) is brought to life by a small script (components/mdx-html.tsx).
import { getMDXComponent } from "mdx-bundler/client/index.js";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { mdxComponents } from "~/components/mdx";
import { AlertContext, type AlertView, type ConductView } from "~/components/mdx/alerte";
import { GlossaryContext, type TermDefinition } from "~/components/mdx/terme";
import { slugify, textOf } from "~/utils/slug";

/** A section heading with an anchor, so that a page can link to it (« Aller à », « Relire la section »). */
function H2({ children }: { children?: ReactNode }) {
  return (
    <h2 id={slugify(textOf(children))} className="scroll-mt-4">
      {children}
    </h2>
  );
}

const components = { ...mdxComponents, h2: H2 };

export function renderMdx({
  code,
  terms,
  alerts,
}: {
  code: string;
  terms: Record<string, TermDefinition>;
  alerts: { alerts: Record<string, AlertView>; conducts: Record<string, ConductView> };
}): string {
  const Component = getMDXComponent(code);
  return renderToStaticMarkup(
    <GlossaryContext.Provider value={terms}>
      <AlertContext.Provider value={alerts}>
        <Component components={components as never} />
      </AlertContext.Provider>
    </GlossaryContext.Provider>,
    // Ids of its own (glossary definitions), never equal to the ids React gives the page around it.
    { identifierPrefix: "mdx-" },
  );
}
