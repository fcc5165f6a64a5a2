// Fixed-window rate limits kept in the database, so that every instance of the site (one file, or one
// libSQL server for several machines) shares the same counts. One atomic statement per hit.
import { lte, sql } from "drizzle-orm";
import { rateLimits } from "../../db/schema";
import { getDb } from "~/utils/db.server";

export type RateLimit = { limit: number; windowMs: number };

export const LIMITS = {
  /** Public certificate verification, per client address. */
  certificates: { limit: 30, windowMs: 60_000 },
  /** "Mot de passe oublié" requests, per address and per email. */
  passwordReset: { limit: 5, windowMs: 15 * 60_000 },
} as const satisfies Record<string, RateLimit>;

/** Counts one hit for `key`; `limited` once the count passes the limit within the window. */
export async function hitRateLimit({ key, limit, windowMs, now = new Date() }: RateLimit & { key: string; now?: Date }) {
  const at = now.toISOString();
  const resetAt = new Date(now.getTime() + windowMs).toISOString();
  const [row] = await getDb()
    .insert(rateLimits)
    .values({ key, count: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} <= ${at} then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= ${at} then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
  // A new window is a good moment to forget windows that ended long ago.
  if (row!.count === 1 && Math.random() < 0.05) await getDb().delete(rateLimits).where(lte(rateLimits.resetAt, at));
  return { limited: row!.count > limit, count: row!.count, resetAt: row!.resetAt };
}
