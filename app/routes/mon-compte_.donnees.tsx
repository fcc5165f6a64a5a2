// « Mes données »: the readable summary of everything the JSON export holds (right of access).
import { plural } from "~/utils/typography";
import { MODULE_STATE_LABELS } from "~/domain/progress";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Section } from "~/components/section";
import { listModules } from "~/content/modules.server";
import { exportPersonalData } from "~/models/personal-data.server";
import { requireUser } from "~/models/permissions.server";
import { ROLE_LABELS } from "~/utils/auth.server";
import { formatDateTime, formatDay } from "~/utils/dates";
import { LEVEL_LABELS, profileLabel } from "~/domain/vocabulary";
import { deviceLabel } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Mes données — Mon compte — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const d = await exportPersonalData({ userId: user.id });
  const moduleTitles = new Map(listModules().map((m) => [m.frontmatter.id, m.frontmatter.title]));
  const moduleTitle = (id: string) => moduleTitles.get(id) ?? id;
  const submitted = d.quizAttempts.filter((a) => a.submittedAt);
  return {
    profile: d.profile && {
      name: d.profile.name,
      email: d.profile.email,
      role: ROLE_LABELS[d.profile.role],
      profile: d.profile.profile ? profileLabel(d.profile.profile) : null,
      establishment: d.profile.establishment,
      service: d.profile.service,
      hireDate: d.profile.hireDate ? formatDay(d.profile.hireDate) : null,
      createdAt: formatDay(d.profile.createdAt),
    },
    path: {
      total: d.integrationPath.filter((s) => !s.removedAt).length,
      done: d.integrationPath.filter((s) => !s.removedAt && (s.doneAt || s.validatedAt)).length,
      comments: d.integrationPath.filter((s) => s.doneComment || s.validationComment).length,
    },
    modules: d.moduleProgress.map((m) => ({ title: moduleTitle(m.moduleId), status: m.status, bestScore: m.bestScore, attempts: m.attemptsCount })),
    quizzes: {
      count: submitted.length,
      passed: submitted.filter((a) => a.passed).length,
      last:
        submitted
          .map((a) => a.submittedAt!)
          .sort()
          .at(-1) ?? null,
    },
    validations: d.competencyValidations.filter((v) => !v.supersededAt).length,
    corrections: d.competencyValidations.filter((v) => v.supersededAt).length,
    checkpoints: d.checkpoints.length,
    report: Boolean(d.astonishmentReport),
    reviews: d.integrationReviews.length,
    certificates: d.certificates.map((c) => ({
      code: c.code,
      title: c.title,
      level: LEVEL_LABELS[c.level],
      issuedAt: formatDay(c.issuedAt),
      revoked: Boolean(c.revokedAt),
      renewed: Boolean(c.renewedAt),
    })),
    reviewCards: d.reviewCards.length,
    pinned: d.pinnedFiches.length,
    sessions: d.sessions.map((s) => ({ device: deviceLabel(s.userAgent), since: formatDateTime(s.createdAt) })),
    signIns: { count: d.signInAttempts.length, failed: d.signInAttempts.filter((a) => !a.success).length },
    journal: d.auditLog
      .slice(-20)
      .reverse()
      .map((e) => ({ at: formatDateTime(e.at), label: e.label, byHerself: Boolean(e.byHerself), address: e.address })),
    journalTotal: d.auditLog.length,
  };
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-t border-slate-200 py-2 sm:grid-cols-3">
      <dt className="font-semibold">{label}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

export default function MesDonnees() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm font-semibold">
        <Link to="/mon-compte">Mon compte</Link> › Mes données
      </p>
      <h1 className="text-3xl font-bold">Mes données</h1>
      <p>
        Voici, en clair, ce que Pivot enregistre à votre sujet. Le fichier d'export contient tout le détail (chaque réponse, chaque date).{" "}
        <a href="/mon-compte/export" download>
          Télécharger l'export complet (JSON)
        </a>
        .
      </p>

      <Section card id="identite" title="Identité et compte">
        {d.profile ? (
          <dl className="mt-2">
            <Row label="Nom">{d.profile.name}</Row>
            <Row label="Adresse e-mail">{d.profile.email}</Row>
            <Row label="Rôle">
              {d.profile.role}
              {d.profile.profile ? ` (${d.profile.profile})` : ""}
            </Row>
            <Row label="Établissement et service">
              {d.profile.establishment}
              {d.profile.service ? ` — ${d.profile.service}` : ""}
            </Row>
            {d.profile.hireDate ? <Row label="Date d'arrivée">{d.profile.hireDate}</Row> : null}
            <Row label="Compte créé le">{d.profile.createdAt}</Row>
          </dl>
        ) : null}
      </Section>

      <Section card id="formation" title="Formation">
        <dl className="mt-2">
          <Row label="Parcours d'intégration">
            {d.path.total === 0
              ? "pas de parcours"
              : `${d.path.done} étape${d.path.done > 1 ? "s" : ""} faite${d.path.done > 1 ? "s" : ""} sur ${d.path.total}`}
            {d.path.comments ? `, ${plural(d.path.comments, "commentaire", "commentaires")}` : ""}
          </Row>
          <Row label="Quiz">
            {plural(d.quizzes.count, "tentative", "tentatives", "aucune tentative")}
            {d.quizzes.count ? `, dont ${d.quizzes.passed} réussie${d.quizzes.passed > 1 ? "s" : ""} ; dernière le ${formatDateTime(d.quizzes.last!)}` : ""}
          </Row>
          <Row label="Compétences observées par votre tutrice">
            {plural(d.validations, "validation", "validations", "aucune validation")}
            {d.corrections ? ` (et ${plural(d.corrections, "version corrigée, conservée", "versions corrigées, conservées")})` : ""}
          </Row>
          <Row label="Points d'étape">{plural(d.checkpoints, "point d'étape", "points d'étape", "aucun point d'étape")}</Row>
          <Row label="Rapport d'étonnement">{d.report ? "rédigé" : "aucun"}</Row>
          <Row label="Bilans d'intégration">{plural(d.reviews, "bilan", "bilans", "aucun bilan")}</Row>
          <Row label="Cartes de révision">{plural(d.reviewCards, "carte", "cartes", "aucune carte")}</Row>
          <Row label="Fiches épinglées">{plural(d.pinned, "fiche", "fiches", "aucune fiche")}</Row>
        </dl>
        {d.modules.length > 0 ? (
          <table className="mt-4 w-full text-left text-sm">
            <caption className="mb-1 text-left font-semibold">Modules ouverts</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-2">
                  Module
                </th>
                <th scope="col" className="py-1 pr-2">
                  État
                </th>
                <th scope="col" className="py-1">
                  Meilleur score
                </th>
              </tr>
            </thead>
            <tbody>
              {d.modules.map((m) => (
                <tr key={m.title} className="border-b border-slate-200">
                  <td className="py-1 pr-2">{m.title}</td>
                  <td className="py-1 pr-2">{MODULE_STATE_LABELS[m.status]}</td>
                  <td className="py-1">{m.bestScore === null ? "—" : `${m.bestScore} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>

      <Section card id="certificats" title="Certificats">
        {d.certificates.length === 0 ? (
          <p className="mt-2">Aucun certificat.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {d.certificates.map((c) => (
              <li key={c.code}>
                <Link to={`/certificats/${c.code}`}>{c.title}</Link> — {c.level}, délivré le {c.issuedAt}
                {c.revoked ? " (révoqué)" : c.renewed ? " (renouvelé depuis)" : ""}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section card id="securite" title="Connexions et journal">
        <dl className="mt-2">
          <Row label="Sessions ouvertes">{d.sessions.length === 0 ? "aucune" : d.sessions.map((s) => `${s.device} (depuis le ${s.since})`).join(" ; ")}</Row>
          <Row label="Tentatives de connexion (90 derniers jours)">
            {d.signIns.count}, dont {plural(d.signIns.failed, "échouée", "échouées", "aucune échouée")}
          </Row>
        </dl>
        <h3 className="mt-4 font-semibold">Dernières actions du journal vous concernant ({d.journalTotal} en tout, conservées 1 an)</h3>
        {d.journal.length === 0 ? (
          <p>Aucune.</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm" data-journal>
            {d.journal.map((e, i) => (
              <li key={i}>
                <span className="font-semibold">{e.at}</span> — {e.label}
                {e.byHerself ? " (par vous)" : ""}
                {e.address ? `, depuis ${e.address}` : ""}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
