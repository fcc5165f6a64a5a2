// Whether the database answers, for the load balancer's health check.
import { sql } from "drizzle-orm";
import { getDb } from "~/utils/db.server";

export async function databaseAnswers(): Promise<boolean> {
  try {
    await getDb().run(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
