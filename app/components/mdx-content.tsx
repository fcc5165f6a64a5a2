import { getMDXComponent } from "mdx-bundler/client/index.js";
import { useMemo } from "react";
import { mdxComponents } from "./mdx";
import { AlertContext, type AlertView, type ConductView } from "./mdx/alerte";
import { GlossaryContext, type TermDefinition } from "./mdx/terme";

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
          <Component components={mdxComponents as never} />
        </div>
      </AlertContext.Provider>
    </GlossaryContext.Provider>
  );
}
