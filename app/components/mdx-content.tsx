import { getMDXComponent } from "mdx-bundler/client/index.js";
import { useMemo, type ReactNode } from "react";
import { slugify, textOf } from "~/utils/slug";
import { mdxComponents } from "./mdx";
import { AlertContext, type AlertView, type ConductView } from "./mdx/alerte";
import { GlossaryContext, type TermDefinition } from "./mdx/terme";

/** A section heading with an anchor, so that a page can link to it (« Aller à », « relire la section »). */
function H2({ children }: { children?: ReactNode }) {
  return (
    <h2 id={slugify(textOf(children))} className="scroll-mt-4">
      {children}
    </h2>
  );
}

const components = { ...mdxComponents, h2: H2 };

/** Renders MDX compiled at build time (the code string comes from the content manifest). */
export function MdxContent({
  code,
  terms = {},
  alerts = { alerts: {}, conducts: {} },
}: {
  code: string;
  terms?: Record<string, TermDefinition>;
  alerts?: { alerts: Record<string, AlertView>; conducts: Record<string, ConductView> };
}) {
  const Component = useMemo(() => getMDXComponent(code), [code]);
  return (
    <GlossaryContext.Provider value={terms}>
      <AlertContext.Provider value={alerts}>
        <div className="prose-pivot">
          <Component components={components as never} />
        </div>
      </AlertContext.Provider>
    </GlossaryContext.Provider>
  );
}
