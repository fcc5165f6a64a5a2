// The audit log as CSV (same filters as the journal page, every page), streamed a chunk at a time.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditLabel, detailsText } from "~/domain/audit";
import { journalFilters, parseJournalQuery } from "~/domain/journal-query.server";
import { csvField } from "~/domain/team";
import { auditEntries } from "~/models/audit.server";
import { requireRole } from "~/models/permissions.server";
import { parisDay } from "~/utils/dates";

const HEADER = ["Date et heure (UTC)", "Action", "Code de l'action", "Par (nom)", "Par (e-mail)", "Concerne (nom)", "Concerne (e-mail)", "Depuis (adresse)", "Détails"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const filters = journalFilters(parseJournalQuery(new URL(request.url).searchParams));
  const line = (fields: (string | number | null | undefined)[]) => fields.map(csvField).join(";") + "\r\n";
  const encoder = new TextEncoder();
  const entries = auditEntries(filters);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + line(HEADER)));
    },
    async pull(controller) {
      const chunk: string[] = [];
      for (let i = 0; i < 500; i++) {
        const next = await entries.next();
        if (next.done) {
          if (chunk.length) controller.enqueue(encoder.encode(chunk.join("")));
          controller.close();
          return;
        }
        const e = next.value;
        const email = typeof e.details?.email === "string" ? e.details.email : null;
        chunk.push(line([e.at, auditLabel(e.action), e.action, e.actorName, e.actorEmail, e.subjectName, e.subjectEmail ?? email, e.address, detailsText(e.details)]));
      }
      controller.enqueue(encoder.encode(chunk.join("")));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="journal-pivot-${parisDay()}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
