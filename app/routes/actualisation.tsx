import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { PositioningOutcome } from "~/components/positioning-outcome";
import { getCertificationRules, getReferential, listBlocks, listModules } from "~/content/modules.server";
import { CERTIFICATE_STATUSES, certificateStatus, renewalOpen, renewalPath } from "~/domain/certification";
import { personalPlans } from "~/models/positioning.server";

import { listCertificates } from "~/models/certificate-registry.server";
import { listUpdates } from "~/models/updates.server";
import { requireUser } from "~/models/permissions.server";
import { formatDay, parisDay } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Actualisation — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [updates, certificates, plans] = await Promise.all([listUpdates({ userId: user.id }), listCertificates(user.id), personalPlans(user.id)]);
  const today = parisDay();
  const warningDays = getCertificationRules().validity.warningDays;
  // Refresher modules: those marked so in content (tools and rules that move), and those serving competencies
  // that age (a validity in the referential).
  const ageing = new Set(getReferential().blocks.flatMap((b) => b.competencies.filter((c) => c.validityYears).map((c) => c.id)));
  return {
    plans,
    blocks: listBlocks().map((b) => ({ id: b.id, number: b.number, title: b.title, positioned: plans.some((p) => p.blockId === b.id) })),
    updates: updates.map((u) => ({ id: u.id, title: u.title, from: u.from, to: u.to, changes: u.changes })),
    refreshers: listModules()
      .filter((m) => m.frontmatter.refresher || m.frontmatter.competencies.some((c) => ageing.has(c)))
      .map((m) => ({ id: m.frontmatter.id, title: m.frontmatter.title, summary: m.frontmatter.summary })),
    certificates: certificates
      .map((c) => ({
        code: c.code,
        kind: c.kind,
        blockId: c.blockId,
        title: c.title,
        validUntil: c.validUntil,
        status: certificateStatus(c, today, warningDays),
      }))
      .filter((c) => renewalOpen(c.status))
      .map((c) => ({ ...c, statusLabel: CERTIFICATE_STATUSES[c.status], renewal: renewalPath(c) })),
  };
}

export default function Actualisation() {
  const { plans, blocks, updates, refreshers, certificates } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Actualisation</h1>
        <p className="max-w-3xl text-slate-700">
          Les règles, les outils et les pratiques changent : retrouvez ici votre programme personnalisé, les modules mis à jour depuis que vous les avez suivis,
          les certificats à renouveler et les modules de rafraîchissement.
        </p>
      </header>
      <section aria-labelledby="positionnement-titre" className="space-y-3">
        <h2 id="positionnement-titre" className="text-2xl font-bold">
          Tests de positionnement
        </h2>
        <p className="max-w-3xl text-slate-700">
          Vous exercez déjà ? Un test par bloc repère ce que vous maîtrisez : les modules correspondants sont marqués « acquis » et vous savez lesquels suivre
          ou rafraîchir.
        </p>
        <ul className="grid gap-3 sm:grid-cols-3">
          {blocks.map((b) => (
            <li key={b.id} className="card">
              <p className="font-semibold">
                Bloc {b.number} — {b.title}
              </p>
              <p className="mt-1">
                <Link to={`/blocs/${b.id}/positionnement`}>{b.positioned ? "Repasser le test" : "Passer le test de positionnement"}</Link>
              </p>
            </li>
          ))}
        </ul>
        {plans.map((p) => (
          <PositioningOutcome key={p.blockId} positioning={p} headingLevel={3} />
        ))}
      </section>
      <section aria-labelledby="maj" className="space-y-3">
        <h2 id="maj" className="text-2xl font-bold">
          Modules mis à jour
        </h2>
        {updates.length === 0 ? (
          <p>Aucun module n'a changé depuis que vous l'avez terminé.</p>
        ) : (
          <ul className="space-y-3">
            {updates.map((u) => (
              <li key={u.id} className="card" data-update={u.id}>
                <p className="font-semibold">
                  <Link to={`/modules/${u.id}`}>{u.title}</Link> — version {u.from} → {u.to}
                </p>
                <ul className="list-disc pl-6">
                  {u.changes.map((c) => (
                    <li key={c.version}>
                      {c.version} : {c.changes}
                    </li>
                  ))}
                </ul>
                <p className="mt-1">
                  <Link to={`/modules/${u.id}/mise-a-jour`}>Passer le quiz de mise à jour</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="certificats" className="space-y-3">
        <h2 id="certificats" className="text-2xl font-bold">
          Certificats à renouveler
        </h2>
        {certificates.length === 0 ? (
          <p>Aucun certificat n'approche de sa fin de validité.</p>
        ) : (
          <ul className="space-y-2">
            {certificates.map((c) => (
              <li key={c.code} className="card">
                <a href={`/certificats/${c.code}`}>{c.title}</a> — {c.statusLabel}, fin de validité le {formatDay(c.validUntil)}.{" "}
                {c.renewal ? (
                  <Link to={c.renewal}>Renouveler avec le quiz de rafraîchissement</Link>
                ) : (
                  "Pour la renouveler, demandez une nouvelle attestation à votre tutrice ou à votre cadre."
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="rafraichir" className="space-y-3">
        <h2 id="rafraichir" className="text-2xl font-bold">
          Modules de rafraîchissement
        </h2>
        <p className="text-slate-700">
          Ces modules portent sur ce qui évolue vite (DMP, outils d'intelligence artificielle…) ou sur des compétences dont la validité est limitée (protection
          des données, identitovigilance…) : à revoir régulièrement.
        </p>
        <ul className="grid gap-3 sm:grid-cols-2">
          {refreshers.map((m) => (
            <li key={m.id} className="card">
              <p className="font-semibold">
                <Link to={`/modules/${m.id}`}>{m.title}</Link>
              </p>
              <p className="text-sm text-slate-700">{m.summary}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
