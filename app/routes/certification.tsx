import { plural } from "~/utils/typography";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCertificationRules, listModules } from "~/content/modules.server";
import { certificateLine, LEVEL_NAMES, LEVELS, renewalOpen, renewalPath } from "~/domain/certification";
import { competenciesValidatedByTest } from "~/models/positioning.server";
import { listUpdates } from "~/models/updates.server";

import { listCertificates } from "~/models/certificate-registry.server";

import { LEVEL_LABELS } from "~/domain/vocabulary";
import { certificationOf } from "~/models/certification-evidence.server";
import { requireUser } from "~/models/permissions.server";
import { formatDay, parisDay } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Parcours certifiant — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [result, certificates, byTest, updates] = await Promise.all([
    certificationOf(user.id),
    listCertificates(user.id),
    competenciesValidatedByTest(user.id),
    listUpdates({ userId: user.id }),
  ]);
  // Competencies of modules updated since she completed them stay « à actualiser » until the update quiz is passed.
  const toRefresh = new Map(updates.flatMap((u) => u.competencies.map((c) => [c, { id: u.id, title: u.title }] as const)));
  return {
    title: getCertificationRules().pathway.title,
    validated: result.validated,
    level: result.level ? LEVEL_LABELS[result.level] : null,
    summary: result.summary,
    certificates: currentCertificates(certificates, parisDay(), getCertificationRules().validity.warningDays),
    blocks: result.blocks.map((b) => blockView(b, byTest, toRefresh)),
  };
}

type Block = Awaited<ReturnType<typeof certificationOf>>["blocks"][number];
type ByTest = Awaited<ReturnType<typeof competenciesValidatedByTest>>;
type ToRefresh = Map<string, { id: string; title: string }>;

/** Her certificates not yet renewed, each with its status and, when it is time, the way to renew it. */
function currentCertificates(certificates: Awaited<ReturnType<typeof listCertificates>>, today: string, warningDays: number) {
  return certificates
    .filter((c) => !c.renewedAt)
    .map((c) => {
      const line = certificateLine(c, today, warningDays);
      return { ...line, renewal: renewalOpen(line.status) ? renewalPath(c) : null };
    });
}

/** A block: its ladder of levels, and what remains to validate the next one. */
function blockView(b: Block, byTest: ByTest, toRefresh: ToRefresh) {
  const target = b.levels.find((l) => !l.validated) ?? null;
  return {
    id: b.blockId,
    number: b.number,
    title: b.title,
    validatedLevel: b.validatedLevel ? LEVEL_LABELS[b.validatedLevel] : null,
    ladder: b.levels.map((l) => ({
      level: l.level,
      label: LEVEL_LABELS[l.level],
      validated: l.validated,
      certified: l.certified && !l.byEvidence,
      // A certified level counts all its competencies: the certificate attests them.
      met: l.certified ? l.competencies.length : l.competencies.filter((c) => c.met).length,
      total: l.competencies.length,
    })),
    target: target
      ? {
          label: LEVEL_NAMES[target.level],
          assessmentMet: target.assessmentMet,
          nextActions: b.nextActions,
          competencies: target.competencies.map((c) => ({
            ...c,
            modules: c.quiz && !c.quiz.met ? modulesFor(c.competencyId) : [],
            byTest: byTest.get(c.competencyId) ?? null,
            update: toRefresh.get(c.competencyId) ?? null,
          })),
        }
      : null,
  };
}

/** The modules whose quiz questions assess a competency. */
function modulesFor(competencyId: string) {
  return listModules()
    .filter((m) => m.frontmatter.competencies.includes(competencyId))
    .map((m) => ({ id: m.frontmatter.id, title: m.frontmatter.title }));
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type BlockData = Data["blocks"][number];

export default function Certification() {
  const { title, validated, level, summary, blocks, certificates } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <CertificationHeader title={title} validated={validated} level={level} summary={summary} />
      <MyCertificates certificates={certificates} />
      {blocks.map((b) => (
        <BlockProgress key={b.id} block={b} />
      ))}
    </div>
  );
}

/** Where she stands on the whole pathway, and how a block is validated. */
function CertificationHeader({ title, validated, level, summary }: Pick<Data, "title" | "validated" | "level" | "summary">) {
  return (
    <header className="space-y-3">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className={`card text-lg font-semibold ${validated ? "border-l-4 border-l-emerald-700" : ""}`} role="status">
        {summary}
      </p>
      <p className="text-slate-700">
        Chaque bloc se valide niveau par niveau ({LEVELS.map((l) => LEVEL_NAMES[l]).join(", ")}) : quiz sur les questions liées à chaque compétence,
        observations en situation de travail par votre tuteur selon le référentiel, et évaluation finale du bloc.{" "}
        {level ? `Niveau atteint pour le parcours : ${level}.` : ""}
      </p>
    </header>
  );
}

function MyCertificates({ certificates }: { certificates: Data["certificates"] }) {
  return (
    <section aria-labelledby="certificats" className="space-y-3">
      <h2 id="certificats" className="text-2xl font-bold">
        Mes certificats
      </h2>
      {certificates.length === 0 ? (
        <p>Aucun certificat pour l'instant : il est délivré dès qu'un niveau de bloc est validé.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {certificates.map((c) => (
            <CertificateCard key={c.code} certificate={c} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CertificateCard({ certificate: c }: { certificate: Data["certificates"][number] }) {
  return (
    <li className="card space-y-1" data-certificate={c.code} data-certificate-status={c.status}>
      <p className="font-semibold">
        <a href={`/certificats/${c.code}`}>{c.title}</a>
      </p>
      <p className="text-sm">
        Délivré le {formatDay(c.issuedAt)} · valide jusqu'au {formatDay(c.validUntil)}
      </p>
      <p className={`text-sm font-semibold ${c.status === "valide" ? "text-emerald-800" : "text-amber-900"}`}>
        {c.statusLabel}
        {c.status === "a_actualiser" ? " : sa fin de validité approche." : c.status === "expire" ? " : il peut encore être renouvelé." : ""}
      </p>
      {c.renewal ? (
        <p className="text-sm">
          <Link to={c.renewal}>Renouveler ce certificat</Link>
        </p>
      ) : null}
    </li>
  );
}

/** A block: its levels, then what remains for the next one. */
function BlockProgress({ block: b }: { block: BlockData }) {
  return (
    <section aria-labelledby={`bloc-${b.id}`} className="card space-y-4" data-cert-block={b.id}>
      <h2 id={`bloc-${b.id}`} className="text-2xl font-bold">
        Bloc {b.number} — {b.title}
      </h2>
      <p className="font-semibold">{b.validatedLevel ? `Validé au niveau : ${b.validatedLevel}` : "Pas encore validé"}</p>
      <LevelLadder block={b} />
      {b.target ? <NextLevel blockId={b.id} target={b.target} /> : <p>Tous les niveaux de ce bloc sont validés.</p>}
    </section>
  );
}

function LevelLadder({ block: b }: { block: BlockData }) {
  return (
    <ol className="grid gap-3 sm:grid-cols-3" aria-label={`Niveaux du bloc ${b.number}`}>
      {b.ladder.map((l) => (
        <li
          key={l.level}
          className={`rounded-lg border-2 p-3 ${l.validated ? "border-emerald-600 bg-emerald-50" : "border-slate-300 bg-white"}`}
          data-level={l.level}
          data-validated={l.validated ? "oui" : "non"}
        >
          <p className="font-bold">
            {l.validated ? "✓ " : ""}
            {l.label}
          </p>
          <div
            role="progressbar"
            aria-label={`${l.label} : compétences réunies`}
            aria-valuenow={l.total ? Math.round((l.met * 100) / l.total) : 0}
            aria-valuemin={0}
            aria-valuemax={100}
            className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full rounded-full bg-brand-600" style={{ width: `${l.total ? Math.round((l.met * 100) / l.total) : 0}%` }} />
          </div>
          <p className="mt-1 text-sm">{l.certified ? "Attesté par votre certificat" : `${l.met} compétence${l.met > 1 ? "s" : ""} sur ${l.total}`}</p>
        </li>
      ))}
    </ol>
  );
}

/** The competencies the next level of a block still asks for, and its assessment. */
function NextLevel({ blockId, target }: { blockId: string; target: NonNullable<BlockData["target"]> }) {
  return (
    <div className="space-y-3">
      <h3 className="text-lg font-semibold">Pour valider le niveau {target.label}</h3>
      <ul className="space-y-2">
        {target.competencies.map((c) => (
          <TargetCompetency key={c.competencyId} competency={c} />
        ))}
      </ul>
      <p>
        Évaluation du bloc : {target.assessmentMet ? "réussie ✓" : "à réussir"} —{" "}
        <Link to={`/blocs/${blockId}/evaluation`}>{target.assessmentMet ? "revoir l'évaluation" : "passer l'évaluation du bloc"}</Link>
      </p>
    </div>
  );
}

/** One competency: met or not, and by which test, update quiz, quiz or observations. */
function TargetCompetency({ competency: c }: { competency: NonNullable<BlockData["target"]>["competencies"][number] }) {
  return (
    <li className="space-y-0.5" data-cert-competency={c.competencyId}>
      <p className={c.met ? "" : "font-semibold"}>
        <span aria-hidden="true">{c.met ? "✓ " : "○ "}</span>
        {c.title}
        <span className="sr-only">{c.met ? " : réuni" : " : à compléter"}</span>
        {c.update ? (
          <span className="ml-2 rounded-full border border-amber-600 px-2 py-0.5 text-sm font-semibold text-amber-900" data-a-actualiser={c.competencyId}>
            à actualiser
          </span>
        ) : null}
      </p>
      {c.byTest ? (
        <span className="block pl-5 text-sm text-emerald-900">
          Validée par test de positionnement le {formatDay(c.byTest.at.slice(0, 10))} ({c.byTest.correct} sur {c.byTest.total})
        </span>
      ) : null}
      {c.update ? (
        <span className="block pl-5 text-sm text-amber-900">
          Le module « {c.update.title} » a changé : <Link to={`/modules/${c.update.id}/mise-a-jour`}>passer le quiz de mise à jour</Link>
        </span>
      ) : null}
      {c.quiz ? (
        <span className="block pl-5 text-sm text-slate-700">
          Quiz : {c.quiz.answered ? `${c.quiz.percent} % sur ${plural(c.quiz.answered, "question", "questions")}` : "pas encore de réponse"}
          {c.modules.length ? (
            <>
              {" — "}
              {c.modules.map((m, i) => (
                <span key={m.id}>
                  {i ? ", " : ""}
                  <Link to={`/modules/${m.id}#quiz`}>{m.title}</Link>
                </span>
              ))}
            </>
          ) : null}
        </span>
      ) : null}
      {c.observation ? (
        <span className="block pl-5 text-sm text-slate-700">
          Observations : {c.observation.observed} sur {c.observation.required}
          {!c.observation.met ? (
            <>
              {" — "}
              <Link to="/parcours#competences">à valider avec votre tuteur</Link>
            </>
          ) : null}
        </span>
      ) : null}
    </li>
  );
}
