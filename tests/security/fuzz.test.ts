// 2,000 generated bodies posted across every form action of the production server: wrong types, huge and
// negative numbers, invalid UTF-8, null bytes, missing and repeated fields, wrong content types.
// Not one may answer 500 or more, and the server must still be healthy afterwards.
import path from "node:path";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/seed";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
const cookies: Record<string, string> = {};
let recrueId = "";

beforeAll(async () => {
  server = await startServer();
  for (const email of ["admin@pivot.demo", "nouvelle.recrue@pivot.demo", "secretaire.confirmee@pivot.demo", "tuteur@pivot.demo"]) {
    const res = await fetch(`${server.origin}/connexion`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.origin },
      body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    cookies[email] = res.headers.get("set-cookie")!.split(";")[0]!;
  }
  const { db, client } = openDatabase(`file:${path.join(server.dataDir, "pivot.db")}`);
  recrueId = (await db.query.users.findFirst({ where: eq(users.email, "nouvelle.recrue@pivot.demo") }))!.id;
  client.close();
});
afterAll(async () => {
  await server?.stop();
});

const PATHS = () => [
  "/connexion",
  "/invitation/jeton-inconnu",
  "/mot-de-passe-oublie",
  "/reinitialisation/jeton-inconnu",
  "/certificats/codeinconnu",
  "/parcours",
  "/equipe/parcours",
  "/equipe/nouveau",
  `/equipe/${recrueId}`,
  `/tutorat/${recrueId}`,
  "/fiches-reflexes/cardiologie",
  "/modules/identitovigilance",
  "/modules/ethique-numerique-ia/mise-a-jour",
  "/revisions",
  "/blocs/gestion-information/evaluation",
  "/blocs/gestion-information/positionnement",
  "/certification/renouvellement/competences-transversales",
];

// Field names the forms really use, and some they don't.
const FIELD = fc.constantFrom(
  "intent",
  "email",
  "password",
  "confirmation",
  "redirectTo",
  "stepId",
  "comment",
  "tutorId",
  "serviceId",
  "name",
  "role",
  "profile",
  "hireDate",
  "heldOn",
  "notes",
  "actions",
  "competencyId",
  "level",
  "observedOn",
  "evidence",
  "validationId",
  "reason",
  "ficheId",
  "attemptId",
  "cardId",
  "grade",
  "q__1",
  "q__gi-1",
  "surprises",
  "helped",
  "suggestions",
  "phase",
  "title",
  "description",
  "dueDay",
  "complementId",
  "outcome",
  "__proto__",
  "constructor",
  "",
);
const INTENT = fc.constantFrom(
  "commencer",
  "envoyer",
  "fait",
  "rapport",
  "valider-etape",
  "point-etape",
  "valider-competence",
  "corriger-competence",
  "bilan",
  "complement",
  "invitation",
  "tutrice",
  "ajouter",
  "modifier",
  "archiver",
  "epingler",
  "noter",
  "lu",
  "x",
);
const VALUE = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "-1",
    "0",
    "1e308",
    "-9999999999999999999999",
    "NaN",
    "Infinity",
    "2026-02-30",
    "9999-99-99",
    "null",
    "undefined",
    "true",
    "[]",
    "{}",
    "\u0000",
    "a\u0000b",
    "%FF%FE",
    "\uFFFD",
    "\uD800",
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);

type Body = { type: string | null; body: Uint8Array | string };
const FIELDS = fc.array(fc.tuple(fc.oneof(FIELD, fc.constant("intent")), fc.oneof(VALUE, INTENT)), { maxLength: 12 });

const BODY: fc.Arbitrary<Body> = fc.oneof(
  // Well-formed urlencoded forms with odd fields and values (repeated names included).
  FIELDS.map((fields) => ({ type: "application/x-www-form-urlencoded", body: new URLSearchParams(fields).toString() })),
  // Urlencoded with raw invalid UTF-8 bytes and broken percent escapes.
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({
    type: "application/x-www-form-urlencoded",
    body: Buffer.concat([Buffer.from("intent=envoyer&email="), Buffer.from(bytes), Buffer.from("&x=%E9%ZZ%")]),
  })),
  // Multipart, well-formed or not.
  FIELDS.map((fields) => {
    const parts = fields.map(([k, v]) => `--b0undary\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, "")}"\r\n\r\n${v}\r\n`).join("");
    return { type: "multipart/form-data; boundary=b0undary", body: `${parts}--b0undary--\r\n` };
  }),
  fc.string({ maxLength: 200 }).map((junk) => ({ type: "multipart/form-data; boundary=b0undary", body: `--b0undary\r\n${junk}` })),
  fc.string({ maxLength: 200 }).map((junk) => ({ type: "multipart/form-data", body: junk })),
  // Wrong content types.
  fc.oneof(fc.json(), fc.string({ maxLength: 200 })).map((body) => ({ type: "application/json", body })),
  fc
    .tuple(fc.constantFrom("text/plain", "application/xml", "application/octet-stream", "", null), fc.string({ maxLength: 200 }))
    .map(([type, body]) => ({ type, body })),
);

describe("fuzzing every form action", () => {
  it("2,000 generated requests: not one answer of 500 or more, and /healthz still answers", async () => {
    const who = Object.values(cookies);
    const bad: string[] = [];
    let count = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS()), fc.constantFrom(...who, ""), BODY, async (pathname, cookie, { type, body }) => {
        count++;
        const headers: Record<string, string> = { Origin: server.origin };
        if (type !== null) headers["Content-Type"] = type;
        if (cookie) headers.Cookie = cookie;
        const res = await fetch(`${server.origin}${pathname}`, { method: "POST", headers, body: body as BodyInit, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status >= 500) bad.push(`${res.status} ${pathname} ${type} ${String(body).slice(0, 200)}`);
        return res.status < 500;
      }),
      { numRuns: 2000, endOnFailure: true },
    );
    expect(bad).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(2000);
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
    expect(server.logs.join("")).not.toMatch(/Unexpected Server Error|TypeError|SqliteError|LibsqlError/);
  }, 600_000);
});
