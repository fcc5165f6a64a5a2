// A learner taking a quiz over real HTTP, as a browser without JavaScript does: sign in, start the quiz,
// read the server-rendered form, answer every question (any allowed value), send it. For load tests of the
// production server (several workers, several instances).
import { DEMO_PASSWORD } from "../../db/seed";

export type Reply = { status: number; location: string | null; body: string };

async function send(origin: string, pathname: string, init: { cookie?: string; form?: URLSearchParams } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers.Origin = origin;
  }
  const res = await fetch(`${origin}${pathname}`, { method: init.form ? "POST" : "GET", headers, body: init.form, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}

/** The session cookie (`name=value`) of a signed-in user; throws when the sign-in is refused. */
export async function httpSignIn(origin: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${origin}/connexion`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 302 || !cookie) throw new Error(`sign-in of ${email} on ${origin}: ${res.status}`);
  return cookie;
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : null;
};

/**
 * The fields of the open quiz form of a page, answered: the first choice of each radio or checkbox group,
 * distinct options in the selects of one question (a valid order for ordering questions), "1" in text
 * fields (a number for numeric questions). Null when the page shows no open quiz.
 */
export function answeredQuizForm(html: string): URLSearchParams | null {
  const attemptTag = /<input[^>]*name="attemptId"[^>]*>/.exec(html)?.[0];
  if (!attemptTag) return null;
  const form = new URLSearchParams({ intent: "envoyer", attemptId: attr(attemptTag, "value")! });
  for (const tag of html.match(/<input[^>]*name="q__[^"]*"[^>]*>/g) ?? []) {
    const name = attr(tag, "name")!;
    const type = attr(tag, "type");
    if ((type === "radio" || type === "checkbox") && !form.has(name)) form.set(name, attr(tag, "value")!);
    if (type === "text") form.set(name, "1");
  }
  const perQuestion = new Map<string, number>();
  for (const [, open, inner] of html.matchAll(/(<select[^>]*name="q__[^"]*"[^>]*>)([\s\S]*?)<\/select>/g)) {
    const name = attr(open!, "name")!;
    const question = name.split("__").slice(0, 2).join("__");
    const index = perQuestion.get(question) ?? 0;
    perQuestion.set(question, index + 1);
    const values = [...inner!.matchAll(/<option[^>]*value="([^"]*)"/g)].map((m) => decode(m[1]!)).filter((v) => v !== "");
    form.set(name, values[index % values.length]!);
  }
  return form;
}

/**
 * Starts the quiz of a module and sends answers to it. `startOn`, `readOn` and `sendOn` may be different
 * instances of the site: the session and the attempt live in the shared database.
 */
export async function takeQuiz({ moduleId, cookie, startOn, readOn = startOn, sendOn = startOn }: { moduleId: string; cookie: string; startOn: string; readOn?: string; sendOn?: string }) {
  const page = `/modules/${moduleId}`;
  const started = await send(startOn, page, { cookie, form: new URLSearchParams({ intent: "commencer" }) });
  if (started.status !== 302) return { ok: false as const, step: "start", status: started.status, body: started.body.slice(0, 500) };
  const read = await send(readOn, page, { cookie });
  const form = read.status === 200 ? answeredQuizForm(read.body) : null;
  if (!form) return { ok: false as const, step: "read", status: read.status, body: read.body.slice(0, 500) };
  const sent = await send(sendOn, page, { cookie, form });
  const attemptId = /tentative=([^#&]+)/.exec(sent.location ?? "")?.[1];
  if (sent.status !== 302 || !attemptId) return { ok: false as const, step: "send", status: sent.status, body: sent.body.slice(0, 500) };
  return { ok: true as const, attemptId, form };
}

/** Sends a form again to a module page (a duplicate submission): the HTTP status. */
export async function resend(origin: string, moduleId: string, cookie: string, form: URLSearchParams) {
  return (await send(origin, `/modules/${moduleId}`, { cookie, form })).status;
}
