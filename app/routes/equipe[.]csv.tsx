// The team table as a CSV file (same filters and sort as /equipe, all pages), streamed a batch at a time.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseTeamQuery } from "~/domain/team-query.server";
import { teamCsv } from "~/models/team-table.server";
import { requireManager } from "~/models/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { serviceIds } = await requireManager(request);
  const params = parseTeamQuery(new URL(request.url).searchParams);
  if (params.service && !serviceIds.includes(params.service)) params.service = undefined;
  const date = new Date().toISOString().slice(0, 10);
  return new Response(teamCsv(serviceIds, params), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="equipe-pivot-${date}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
