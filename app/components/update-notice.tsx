// A module updated since the learner completed it: what changed, and what to do about it.
import type { ReactNode } from "react";

export function UpdateNotice({
  moduleId,
  heading,
  changes,
  children,
}: {
  moduleId: string;
  heading: string;
  changes: { version: string; changes: string }[];
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="mise-a-jour" className="card space-y-2 border-l-4 border-l-amber-600" data-update={moduleId}>
      <h2 id="mise-a-jour" className="text-xl font-bold">
        {heading}
      </h2>
      <ul className="list-disc pl-6">
        {changes.map((c) => (
          <li key={c.version}>
            Version {c.version} : {c.changes}
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}
