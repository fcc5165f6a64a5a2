import { sql } from "drizzle-orm";
import { getDb } from "~/utils/db.server";

export async function loader() {
  try {
    await getDb().run(sql`select 1`);
    return new Response("ok", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  } catch {
    return new Response("base de données injoignable", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
