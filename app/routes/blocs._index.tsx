import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProgressBar } from "~/components/progress-bar";
import { listBlocks, listModulesOfBlock } from "~/content/modules.server";
import { summarize } from "~/domain/progress";
import { listProgress } from "~/models/progress.server";
import { requireUser } from "~/models/permissions.server";

export const meta: MetaFunction = () => [{ title: "Blocs de compétences — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const rows = await listProgress(user.id);
  return {
    blocks: listBlocks().map((b) => ({
      id: b.id,
      number: b.number,
      title: b.title,
      description: b.description,
      competencyCount: b.competencies.length,
      summary: summarize(
        listModulesOfBlock(b.id).map((m) => m.frontmatter.id),
        rows,
      ),
    })),
  };
}

export default function Blocs() {
  const { blocks } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">Blocs de compétences</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          La formation est organisée en trois blocs, issus de l'étude prospective de l'ANFH sur le métier. Chaque bloc regroupe des compétences, travaillées
          dans des modules et validées par des quiz et par des observations de votre tuteur ou tutrice.
        </p>
      </header>
      <ul className="grid gap-4 md:grid-cols-3">
        {blocks.map((b) => (
          <li key={b.id} className="card flex flex-col gap-3" data-block={b.id}>
            <p className="text-sm font-bold uppercase tracking-wide text-brand-700">Bloc {b.number}</p>
            <h2 className="text-xl font-bold leading-snug">
              <Link to={`/blocs/${b.id}`}>{b.title}</Link>
            </h2>
            <p className="text-slate-700">{b.description}</p>
            <p className="text-sm text-slate-700">
              {b.competencyCount} compétences · {b.summary.total} module{b.summary.total > 1 ? "s" : ""}
            </p>
            <div className="mt-auto">
              <ProgressBar percent={b.summary.percent} label={`Modules terminés : ${b.summary.done} sur ${b.summary.total}`} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
