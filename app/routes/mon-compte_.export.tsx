// « Exporter mes données »: everything Pivot holds about her, as a JSON file (right of access).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPersonalData } from "~/models/personal-data.server";
import { requireUser } from "~/models/permissions.server";
import { todayInParis } from "~/domain/integration-path";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await exportPersonalData({ userId: user.id });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="pivot-mes-donnees-${todayInParis()}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
