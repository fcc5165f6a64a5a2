import { getMDXComponent } from "mdx-bundler/client/index.js";
import { useMemo } from "react";
import { mdxComponents } from "./mdx";
import { GlossaryContext, type TermDefinition } from "./mdx/terme";

/** Renders MDX compiled at build time (the code string comes from the content manifest). */
export function MdxContent({ code, terms = {} }: { code: string; terms?: Record<string, TermDefinition> }) {
  const Component = useMemo(() => getMDXComponent(code), [code]);
  return (
    <GlossaryContext.Provider value={terms}>
      <div className="prose-pivot">
        <Component components={mdxComponents as never} />
      </div>
    </GlossaryContext.Provider>
  );
}
