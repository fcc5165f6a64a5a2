import { getMDXComponent } from "mdx-bundler/client/index.js";
import { useMemo } from "react";
import { mdxComponents } from "./mdx";

/** Renders MDX compiled at build time (the code string comes from the content manifest). */
export function MdxContent({ code }: { code: string }) {
  const Component = useMemo(() => getMDXComponent(code), [code]);
  return (
    <div className="prose-pivot">
      <Component components={mdxComponents as never} />
    </div>
  );
}
