// « Journal » (admin only): the audit log, filterable by kind of action, person and period, with CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { AUDIT_ACTIONS, AUDIT_GROUPS, auditLabel, detailsText } from "~/domain/audit";
import { journalFilters, parseJournalQuery } from "~/domain/journal-query.server";
import { listAudit } from "~/models/audit.server";
import { requireRole } from "~/models/permissions.server";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Journal des actions — Administration — Pivot" }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const query = parseJournalQuery(new URL(request.url).searchParams);
  const { rows, total } = await listAudit({ filters: journalFilters(query), page: query.page, pageSize: PAGE_SIZE });
  return {
    query,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      at: formatDateTime(r.at),
      action: r.action,
      label: auditLabel(r.action),
      actor: r.actorName ?? (r.action.startsWith("certificat_") ? "Pivot (automatique)" : "—"),
      subject: r.subjectName ?? (typeof r.details?.email === "string" ? `${r.details.email} (aucun compte)` : "—"),
      address: r.address ?? "—",
      details: detailsText(Object.fromEntries(Object.entries(r.details ?? {}).filter(([k]) => k !== "email"))),
    })),
  };
}

export default function Journal() {
  const { query, total, pages, rows } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const link = (page: number) => {
    const next = new URLSearchParams(search);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  const csv = new URLSearchParams(search);
  csv.delete("page");
  return (
    <div className="space-y-6">
      <p className="text-sm font-semibold">
        <Link to="/admin">Administration</Link> › Journal
      </p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold">Journal des actions</h1>
          <p className="text-slate-700">
            Connexions, comptes, validations, certificats et droits RGPD : qui, quand, sur qui, depuis quel poste. Les entrées ne peuvent pas être modifiées ; elles sont
            conservées 1 an.
          </p>
        </div>
        <a href={`/admin/journal.csv?${csv.toString()}`} className="btn-secondary" download>
          Exporter en CSV
        </a>
      </div>

      <Form method="get" className="card grid gap-4 sm:grid-cols-2 lg:grid-cols-5" aria-label="Filtrer le journal">
        <div>
          <label htmlFor="groupe" className="field-label">
            Type d'action
          </label>
          <select id="groupe" name="groupe" defaultValue={query.groupe ?? ""} className="field-input">
            <option value="">Toutes</option>
            {AUDIT_GROUPS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="action" className="field-label">
            Action précise
          </label>
          <select id="action" name="action" defaultValue={query.action ?? ""} className="field-input">
            <option value="">Toutes</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {auditLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="personne" className="field-label">
            Personne (nom ou e-mail)
          </label>
          <input id="personne" name="personne" type="search" defaultValue={query.personne ?? ""} className="field-input" />
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor="du" className="field-label">
              Du
            </label>
            <input id="du" name="du" type="date" defaultValue={query.du ?? ""} className="field-input" />
          </div>
          <div>
            <label htmlFor="au" className="field-label">
              Au
            </label>
            <input id="au" name="au" type="date" defaultValue={query.au ?? ""} className="field-input" />
          </div>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-primary">
            Filtrer
          </button>
          <Link to="/admin/journal">Effacer les filtres</Link>
        </div>
      </Form>

      <p role="status">{total === 0 ? "Aucune entrée ne correspond." : total === 1 ? "1 entrée." : `${total} entrées, les plus récentes d'abord.`}</p>

      {rows.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Entrées du journal (défilement horizontal possible)">
          <table className="w-full border-collapse text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                {["Date et heure", "Action", "Par", "Concerne", "Depuis", "Détails"].map((h) => (
                  <th key={h} scope="col" className="p-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200" data-action={r.action}>
                  <td className="whitespace-nowrap p-2">{r.at}</td>
                  <td className="p-2 font-semibold">{r.label}</td>
                  <td className="p-2">{r.actor}</td>
                  <td className="p-2">{r.subject}</td>
                  <td className="p-2 font-mono text-xs">{r.address}</td>
                  <td className="p-2">{r.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-3">
          {query.page > 1 ? <Link to={link(query.page - 1)}>‹ Plus récentes</Link> : null}
          <span>
            Page {query.page} sur {pages}
          </span>
          {query.page < pages ? <Link to={link(query.page + 1)}>Plus anciennes ›</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
