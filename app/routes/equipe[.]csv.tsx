// The team table as a CSV file (same filters and sort as /equipe, all pages).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/team";
import { parseTeamQuery } from "~/domain/team-query.server";
import { teamTable } from "~/models/team-view.server";
import { requireManager } from "~/models/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, serviceIds } = await requireManager(request);
  const params = parseTeamQuery(new URL(request.url).searchParams);
  if (params.service && !serviceIds.includes(params.service)) params.service = undefined;
  const table = await teamTable(serviceIds, params, false);
  const header = ["Nom", "Adresse e-mail", "Profil", "Service", "Date d'arrivée", "Tutrice", "Étapes terminées", "Étapes du parcours", "Étapes en retard", ...table.blocks.flatMap((b) => [`Bloc ${b.number} (%)`, `Bloc ${b.number} (niveau certifié)`]), "Dernière activité"];
  const rows = table.rows.map((r) => [r.name, r.email, r.profileLabel, r.service, r.hireDate, r.tutor, r.stepsDone, r.stepsTotal, r.stepsLate, ...r.blocks.flatMap((b) => [b.percent, b.level ? `${b.level}${b.toRenew ? " (à actualiser)" : ""}` : ""]), r.lastActivity ? r.lastActivity.slice(0, 10) : ""]);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="equipe-pivot-${date}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
