import { databaseAnswers } from "~/models/health.server";

export async function loader() {
  if (await databaseAnswers()) return new Response("ok", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response("base de données injoignable", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
