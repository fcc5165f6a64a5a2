// What every request goes through: forms read safely (origin, content type, size), the client's address,
// the security headers of pages, and tokens masked in logs.
import type { AppLoadContext } from "@remix-run/node";
import { getEnv } from "./env.server";

/** Forms are small: anything larger is refused before it is read in full (scripts/server.js). */
export const MAX_BODY_BYTES = 1024 * 1024;
export const BODY_TOO_LARGE = "Requête trop volumineuse : un formulaire de Pivot ne dépasse jamais 1 Mo.";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function refuse(status: number, message: string): never {
  throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Whether a request was sent by another site: its Origin (or, without one, Sec-Fetch-Site) does not
 * name this site. Same-site requests without those headers (old browsers, scripts) pass; the session
 * cookie is SameSite=Lax on top of this.
 */
export function isCrossSite(request: Request, publicUrl = getEnv().PUBLIC_URL): boolean {
  const origin = request.headers.get("Origin");
  if (origin === "null") return true;
  if (!origin) return request.headers.get("Sec-Fetch-Site") === "cross-site";
  let host: string | null;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  return host !== new URL(request.url).host && host !== new URL(publicUrl).host;
}

export const CROSS_SITE = "Demande refusée : elle ne vient pas d'une page de Pivot.";

/** Refuses (403) a state-changing request sent by another site. */
export function assertSameOrigin(request: Request, publicUrl = getEnv().PUBLIC_URL) {
  if (isCrossSite(request, publicUrl)) refuse(403, CROSS_SITE);
}

/**
 * The form of an action, or a 4xx Response thrown with a French message: 403 from another site,
 * 415 for a body that is not a form, 413 too large, 400 when it cannot be read.
 */
export async function readForm(request: Request, publicUrl = getEnv().PUBLIC_URL): Promise<FormData> {
  assertSameOrigin(request, publicUrl);
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) refuse(415, "Ce formulaire n'a pas été envoyé sous la forme attendue. Rechargez la page et réessayez.");
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) refuse(413, BODY_TOO_LARGE);
  try {
    return await request.formData();
  } catch {
    return refuse(400, "Le formulaire reçu est illisible. Rechargez la page et réessayez.");
  }
}

/** The client's address as the server saw it (the socket, or TRUST_PROXY hops back); "inconnue" when none. */
export function clientAddress(context: AppLoadContext | undefined): string {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof address === "string" && address ? address : "inconnue";
}

/**
 * Whether the server answers with a whole document (HTML) rather than a page's data. Only the production
 * server (scripts/server.js) says so; elsewhere the answer is "no", which only costs bytes.
 */
export function isDocumentRequest(context: AppLoadContext | undefined): boolean {
  return (context as { documentRequest?: unknown } | undefined)?.documentRequest === true;
}

/** Paths with a secret in them (invitation and reset links) as they may be logged. */
export function redactPath(url: string): string {
  return url.replace(/\/(invitation|reinitialisation)\/[^/?#]+/g, "/$1/[masqué]").replace(/([?&](?:token|jeton)=)[^&#]*/gi, "$1[masqué]");
}

/** The headers of every HTML page. */
export function pageSecurityHeaders(options: { nonce: string; production: boolean }): Record<string, string> {
  const { nonce, production } = options;
  const csp = [
    "default-src 'self'",
    // No 'unsafe-eval': module and fiche bodies arrive as HTML rendered on the server (docs/decisions/015).
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    production ? "connect-src 'self'" : "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
