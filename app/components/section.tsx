// A titled section of a page, named by its heading for screen readers (aria-labelledby).
import type { ReactNode } from "react";

export function Section({
  id,
  title,
  card = false,
  className = "",
  children,
}: {
  id: string;
  title: string;
  card?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={`${card ? "card" : ""} space-y-3 ${className}`.trim()}>
      <h2 id={id} className={card ? "text-xl font-bold" : "text-2xl font-bold"}>
        {title}
      </h2>
      {children}
    </section>
  );
}
