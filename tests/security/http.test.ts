// The production server as an attacker meets it (npm start's scripts/server.js over real HTTP): bad bodies,
// other sites, headers, logs, and rate limits shared by two instances on one database.
import net from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/seed";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let admin: string;
let confirmee: string;
let recrueId: string;

async function post(pathname: string, init: { body?: BodyInit; type?: string | null; origin?: string | null; cookie?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.type !== null) headers["Content-Type"] = init.type ?? "application/x-www-form-urlencoded";
  if (init.origin !== null) headers.Origin = init.origin ?? server.origin;
  if (init.cookie) headers.Cookie = init.cookie;
  return fetch(`${server.origin}${pathname}`, { method: "POST", headers, body: init.body ?? "", redirect: "manual" });
}

async function signIn(email: string) {
  const res = await post("/connexion", { body: new URLSearchParams({ email, password: DEMO_PASSWORD }) });
  expect(res.status).toBe(302);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

beforeAll(async () => {
  server = await startServer();
  admin = await signIn("admin@pivot.demo");
  confirmee = await signIn("secretaire.confirmee@pivot.demo");
  const { db, client } = openDatabase(`file:${path.join(server.dataDir, "pivot.db")}`);
  recrueId = (await db.query.users.findFirst({ where: eq(users.email, "nouvelle.recrue@pivot.demo") }))!.id;
  client.close();
});
afterAll(async () => {
  await server?.stop();
});

/**
 * Every form action of the site with someone allowed to use it: the admin passes every role guard; the
 * established secretary has a module update and a certificate renewal pending in the demo data.
 */
const ACTIONS = (): [string, string][] => [
  ["/connexion", admin],
  ["/invitation/jeton-inconnu", admin],
  ["/mot-de-passe-oublie", admin],
  ["/reinitialisation/jeton-inconnu", admin],
  ["/certificats/codeinconnu", admin],
  ["/parcours", admin],
  ["/equipe/parcours", admin],
  ["/equipe/nouveau", admin],
  [`/equipe/${recrueId}`, admin],
  [`/tutorat/${recrueId}`, admin],
  ["/fiches-reflexes/cardiologie", admin],
  ["/modules/identitovigilance", admin],
  ["/modules/ethique-numerique-ia/mise-a-jour", confirmee],
  ["/revisions", admin],
  ["/blocs/gestion-information/evaluation", admin],
  ["/blocs/gestion-information/positionnement", admin],
  ["/certification/renouvellement/competences-transversales", confirmee],
];

/**
 * Sends up to `size` bytes of form body (declared or chunked) on a raw socket, one chunk per turn of the
 * event loop, and returns what the server answered (it may close the connection while we still send).
 */
function sendLarge(size: number, chunked: boolean, declared = size) {
  return new Promise<{ status: number; sent: number; body: string }>((resolve) => {
    const socket = net.connect(server.port, "127.0.0.1");
    let received = "";
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ status: Number(received.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0), sent, body: received.split("\r\n\r\n").slice(1).join("") });
    };
    socket.on("data", (d) => {
      received += d;
      if (/\r\n\r\n[\s\S]*volumineuse/.test(received)) finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
    const length = chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${declared}`;
    socket.write(`POST /connexion HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.origin}\r\nContent-Type: application/x-www-form-urlencoded\r\n${length}\r\n\r\n`);
    const chunk = "x".repeat(64 * 1024);
    const pump = () => {
      if (done || sent >= size) return;
      sent += chunk.length;
      socket.write(chunked ? `${chunk.length.toString(16)}\r\n${chunk}\r\n` : chunk, () => setImmediate(pump));
    };
    pump();
  });
}

describe("6. bad requests get a 4xx with a French message, never a 500", () => {
  it("a JSON body, a text body or no content type: 415", async () => {
    for (const [pathname, cookie] of ACTIONS())
      for (const [type, body] of [["application/json", '{"email":"a@b.fr"}'], ["text/plain", "intent=x"], [null, "intent=x"]] as const) {
        const res = await post(pathname, { type, body, cookie });
        expect({ pathname, type, status: res.status }).toEqual({ pathname, type, status: 415 });
        expect(await res.text()).toMatch(/formulaire/);
      }
  });

  it("a broken multipart body: 400", async () => {
    for (const [pathname, cookie] of ACTIONS()) {
      const res = await post(pathname, { type: "multipart/form-data; boundary=----pivot", body: "------pivot\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\nsans fin", cookie });
      expect({ pathname, status: res.status }).toEqual({ pathname, status: 400 });
    }
  });

  it("a POST from another site: 403, sign-out included", async () => {
    for (const [pathname, cookie] of [...ACTIONS(), ["/deconnexion", admin] as [string, string]]) {
      const res = await post(pathname, { body: "intent=x", origin: "https://evil.example", cookie });
      expect({ pathname, status: res.status }).toEqual({ pathname, status: 403 });
    }
    const noOrigin = await post("/revisions", { body: "intent=x", origin: null, cookie: admin, headers: { "Sec-Fetch-Site": "cross-site" } });
    expect(noOrigin.status).toBe(403);
    expect((await fetch(`${server.origin}/`, { headers: { Cookie: admin }, redirect: "manual" })).status).toBe(200); // still signed in
  });

  it("a declared length over 1 MB is refused with 413 and a French message before any byte of the body", async () => {
    const { status, body } = await sendLarge(0, false, 2 * 1024 * 1024);
    expect(status).toBe(413);
    expect(body).toMatch(/trop volumineuse/);
  });

  it("a body over 1 MB is cut off with 413 before it is read in full, with or without a declared length", async () => {
    // Declared length or chunked, the answer comes while the client is still sending; the rest is never read.
    for (const chunked of [false, true]) {
      const { status, sent, body } = await sendLarge(50 * 1024 * 1024, chunked);
      // The 413 is sent as soon as the cap is known to be passed, and the connection is cut a few
      // megabytes later: a fast client may see the cut before it reads the 413.
      expect([0, 413]).toContain(status);
      if (status === 413) expect(body).toMatch(/trop volumineuse/);
      expect(sent).toBeLessThan(20 * 1024 * 1024); // cut off early, not after 50 MB
    }
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  });
});

describe("3. the redirect after sign-in stays on the site", () => {
  for (const redirectTo of ["/\t/evil.example", "/\n/evil.example", "/évil", "//evil.example", "/\\evil.example"])
    it(`redirectTo=${JSON.stringify(redirectTo)} → /`, async () => {
      const res = await post("/connexion", { body: new URLSearchParams({ email: "tuteur@pivot.demo", password: DEMO_PASSWORD, redirectTo }) });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/");
    });
});

describe("7. response headers", () => {
  it("a signed-in page: strict CSP with this response's nonce, framing refused, HSTS, Permissions-Policy, no-store", async () => {
    const res = await fetch(`${server.origin}/certification`, { headers: { Cookie: await signIn("secretaire.confirmee@pivot.demo") } });
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval"); // module and fiche bodies come as HTML, nothing is evaluated
    const nonce = scriptSrc.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${server.origin}/connexion`);
    expect(again.headers.get("content-security-policy")).not.toContain(nonce!); // one nonce per response
  });

  it("the data requests of signed-in pages are not stored either; fingerprinted assets are cached for good", async () => {
    const data = await fetch(`${server.origin}/certification.data`, { headers: { Cookie: admin } });
    expect(data.headers.get("cache-control")).toBe("no-store");
    const html = await (await fetch(`${server.origin}/connexion`)).text();
    const asset = html.match(/\/build\/[\w./-]+\.js/)![0];
    const res = await fetch(`${server.origin}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/immutable/);
  });
});

describe("11. secrets stay out of the access log", () => {
  it("invitation and reset tokens are masked", async () => {
    await fetch(`${server.origin}/invitation/SECRET-invitation-0123456789`);
    await fetch(`${server.origin}/reinitialisation/SECRET-reset-0123456789?x=1`);
    const deadline = Date.now() + 10_000;
    while (!server.logs.join("").includes("GET /reinitialisation/") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const log = server.logs.join("");
    expect(log).toContain("GET /invitation/[masqué]");
    expect(log).toContain("GET /reinitialisation/[masqué]?x=1");
    expect(log).not.toContain("SECRET-");
  });
});

describe("5. rate limits: the socket's address, counted in the database shared by two instances", () => {
  let second: RunningServer;
  beforeAll(async () => {
    // A second instance on the same database file, behind one trusted proxy.
    second = await startServer({ DATA_DIR: server.dataDir, DATABASE_URL: `file:${path.join(server.dataDir, "pivot.db")}`, TRUST_PROXY: "1" });
  });
  afterAll(async () => {
    await second?.stop();
  });

  it("forged X-Forwarded-For headers change nothing on the first; the second trusts its proxy; both share the count", async () => {
    const first: number[] = [];
    for (let i = 0; i < 20; i++)
      first.push((await fetch(`${server.origin}/certificats/inconnu${i}`, { headers: { "X-Forwarded-For": `10.9.${i}.1`, "X-Real-IP": `10.8.${i}.1` } })).status);
    expect(first.every((s) => s === 404)).toBe(true);
    // Through the second instance, the proxy says the client is 127.0.0.1: the same bucket, 10 more allowed.
    const shared: number[] = [];
    for (let i = 0; i < 15; i++) shared.push((await fetch(`${second.origin}/certificats/autre${i}`, { headers: { "X-Forwarded-For": "127.0.0.1" } })).status);
    expect(shared.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(shared.slice(10).every((s) => s === 429)).toBe(true);
    expect(await (await fetch(`${server.origin}/certificats/encore`)).text()).toMatch(/Trop de vérifications/);
    // Another client behind the proxy has its own bucket.
    expect((await fetch(`${second.origin}/certificats/x`, { headers: { "X-Forwarded-For": "203.0.113.9" } })).status).toBe(404);
  });
});
