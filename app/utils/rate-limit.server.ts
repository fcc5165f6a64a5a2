// A small in-memory rate limiter (per client address, fixed window): enough to make code enumeration
// pointless on one instance. Behind a proxy, the first X-Forwarded-For address is the client.
const hits = new Map<string, { count: number; resetAt: number }>();

export function clientKey(request: Request) {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "local";
}

export function rateLimited(key: string, limit = 30, windowMs = 60_000, now = Date.now()): boolean {
  const entry = hits.get(key);
  if (!entry || entry.resetAt <= now) {
    hits.set(key, { count: 1, resetAt: now + windowMs });
    if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
    return false;
  }
  entry.count++;
  return entry.count > limit;
}
