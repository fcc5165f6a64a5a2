// « Exporter mes données »: everything Pivot holds about her, as a JSON file (right of access).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPersonalData } from "~/models/personal-data.server";
import { requireUser } from "~/models/permissions.server";

import { recordAudit } from "~/models/audit.server";
import { clientAddress } from "~/utils/http.server";
import { parisDay } from "~/utils/dates";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await recordAudit({ action: "export_donnees", actorId: user.id, subjectId: user.id, address: clientAddress(context) });
  const data = await exportPersonalData({ userId: user.id });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="pivot-mes-donnees-${parisDay()}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
