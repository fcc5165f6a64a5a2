// Drives route loaders and actions with real Requests, as Remix would.
import { DEMO_PASSWORD } from "../../db/seed";
import { action as loginAction } from "~/routes/connexion";

export const BASE = "http://localhost";

export function request(pathname: string, init: { method?: string; form?: Record<string, string | string[]>; cookie?: string } = {}) {
  const headers = new Headers();
  if (init.cookie) headers.set("Cookie", init.cookie);
  let body: URLSearchParams | undefined;
  if (init.form) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(init.form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(new URL(pathname, BASE), { method: init.method ?? (init.form ? "POST" : "GET"), headers, body });
}

/** Runs a loader or action and returns its Response, whether it was returned or thrown. */
export async function run<T>(fn: () => Promise<T>): Promise<{ response?: Response; data?: T }> {
  try {
    const result = await fn();
    if (result instanceof Response) return { response: result };
    return { data: result };
  } catch (error) {
    if (error instanceof Response) return { response: error };
    throw error;
  }
}

/** Data returned through Remix's `data()` helper. */
export function unwrap<T>(value: T): { data: unknown; status: number } {
  const v = value as unknown as { type?: string; data?: unknown; init?: { status?: number } };
  if (v && v.type === "DataWithResponseInit") return { data: v.data, status: v.init?.status ?? 200 };
  return { data: value, status: 200 };
}

export async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await loginAction({ request: request("/connexion", { form: { email, password } }), params: {}, context: {} });
  if (!(result instanceof Response)) throw new Error(`sign-in failed for ${email}: ${JSON.stringify(unwrap(result))}`);
  const setCookie = result.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("no session cookie");
  return setCookie.split(";")[0]!;
}
