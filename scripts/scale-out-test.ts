// `npm run test:scale-out`: Pivot on a real libSQL server (sqld), with several instances. Expects the site
// to be built (`npm run build`; `npm test` does it) and sqld installed (see tests/helpers/sqld.ts).
//  1. the integration test project, each test file on its own sqld (PIVOT_TEST_SQLD=1), less the two files
//     about the embedded database file (they make their own files in any mode);
//  2. two production instances started together on one fresh sqld (one migrates and seeds, the other
//     waits), each with its own data folder and the same SESSION_SECRET, SIGNING_KEY and PUBLIC_URL:
//     a session opened on one is valid on the other, closed on one it is closed on both; a badge signed
//     by one verifies with the other's published key; rate limits count across both;
//  3. a concurrent quiz load through both (learners × modules, start on one, read and send on either),
//     and the same forms sent again through both at once: checked in the database, once each.
// Exits non-zero on any failure. `-- --skip-integration` leaves out step 1 (while working on steps 2–3).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { httpSignIn, resend, takeQuiz } from "../tests/helpers/http-quiz";
import { addLearners, quizRows } from "../tests/helpers/learners";
import { ROOT } from "../tests/helpers/paths";
import { startServer, type RunningServer } from "../tests/helpers/server";
import { SQLD_MISSING, sqldBinary, startSqld, type RunningSqld } from "../tests/helpers/sqld";

const LEARNERS = Number(process.env.SCALE_OUT_LEARNERS ?? 20);
const MODULES = ["identitovigilance", "rgpd-secret-professionnel"];

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "  ok " : "  ÉCHEC"} ${what}`);
  if (!ok) failures.push(what);
};
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function runIntegrationTests(): Promise<number> {
  return new Promise((resolve) => {
    const vitest = path.join(ROOT, "node_modules", "vitest", "vitest.mjs");
    // Less the two files about the embedded file itself, which make their own files whatever the mode.
    const fileOnly = ["tests/integration/concurrent-writes.test.ts", "tests/integration/write-turns.test.ts"].flatMap((f) => ["--exclude", f]);
    const child = spawn(process.execPath, [vitest, "run", "--project", "integration", ...fileOnly], { cwd: ROOT, stdio: "inherit", env: { ...process.env, PIVOT_TEST_SQLD: "1" } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function get(origin: string, pathname: string, cookie?: string) {
  return fetch(`${origin}${pathname}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
}

async function sharedSecrets(a: RunningServer, b: RunningServer, url: string) {
  console.log("\nSecrets partagés par l'environnement");
  // Sessions: opened on A, valid on B; closed on B, closed on A.
  const cookie = await httpSignIn(a.origin, "secretaire.confirmee@pivot.demo");
  check((await get(b.origin, "/", cookie)).status === 200, "une session ouverte sur l'instance A est valide sur l'instance B");
  const out = await fetch(`${b.origin}/deconnexion`, { method: "POST", headers: { Cookie: cookie, Origin: b.origin, "Content-Type": "application/x-www-form-urlencoded" }, body: "", redirect: "manual" });
  const after = await get(a.origin, "/", cookie);
  check(out.status === 302 && after.status === 302 && after.headers.get("location")?.startsWith("/connexion") === true, "fermée sur B, elle est fermée sur A");

  // Badges: signed by A, verified with B's published key.
  const client = createClient({ url });
  const code = String((await client.execute("select code from certificates limit 1")).rows[0]?.code ?? "");
  client.close();
  check(code !== "", "la base de démonstration contient un certificat");
  const jwt = await (await get(a.origin, `/certificats/${code}/openbadge.jwt`)).text();
  const keysOf = async (s: RunningServer) => ((await (await get(s.origin, "/.well-known/jwks.json")).json()) as { keys: (crypto.JsonWebKey & { kid: string })[] }).keys;
  const [keysA, keysB] = [await keysOf(a), await keysOf(b)];
  const [header, payload, signature] = jwt.split(".");
  const { kid } = JSON.parse(Buffer.from(header ?? "", "base64url").toString()) as { kid?: string };
  const key = keysB.find((k) => k.kid === kid);
  const verified = Boolean(key && crypto.verify(null, Buffer.from(`${header}.${payload}`), crypto.createPublicKey({ key, format: "jwk" }), Buffer.from(signature ?? "", "base64url")));
  check(JSON.stringify(keysA) === JSON.stringify(keysB), "les deux instances publient la même clé (SIGNING_KEY)");
  check(verified, "un badge signé par A se vérifie avec la clé publiée par B");

  // Rate limits: one client behind the (trusted) proxy, 20 verifications through each instance: 30 in all.
  const sequential: number[] = [];
  for (let i = 0; i < 40; i++)
    sequential.push((await fetch(`${(i % 2 ? b : a).origin}/certificats/inconnu${i}`, { headers: { "X-Forwarded-For": "198.51.100.7" } })).status);
  check(sequential.filter((s) => s !== 429).length === 30 && sequential.slice(30).every((s) => s === 429), "les limites de débit se comptent sur les deux instances (30 vérifications par minute, pas 60)");
}

async function quizLoad(a: RunningServer, b: RunningServer, url: string) {
  console.log(`\nCharge : ${LEARNERS} apprenantes × ${MODULES.length} quiz, à travers les deux instances`);
  const client = createClient({ url });
  try {
    const emails = await addLearners(client, LEARNERS);
    const instances = [a.origin, b.origin];
    const started = performance.now();
    let requests = 0;
    const results = await Promise.all(
      emails.map(async (email, i) => {
        const [first, second] = i % 2 ? [instances[1]!, instances[0]!] : [instances[0]!, instances[1]!];
        const cookie = await httpSignIn(first, email);
        requests++;
        const taken = [];
        for (const [m, moduleId] of MODULES.entries()) {
          // Started on one instance, read on the other, sent on either.
          taken.push({ moduleId, ...(await takeQuiz({ moduleId, cookie, startOn: first, readOn: second, sendOn: m % 2 ? second : first })) });
          requests += 3;
        }
        return { email, cookie, taken };
      }),
    );
    const elapsed = performance.now() - started;
    const refused = results.flatMap((r) => r.taken.filter((t) => !t.ok).map((t) => `${r.email} ${t.moduleId}: ${JSON.stringify(t)}`));
    for (const line of refused.slice(0, 5)) console.log(`    ${line}`);
    check(refused.length === 0, `${results.length * MODULES.length} quiz commencés et envoyés, ${requests} requêtes en ${(elapsed / 1000).toFixed(1)} s (${Math.round(requests / (elapsed / 1000))} req/s), 0 erreur HTTP`);

    // The same forms again, through both instances at once: duplicates, refused (409), never graded twice.
    const again = await Promise.all(
      results.flatMap((r) => r.taken.flatMap((t) => (t.ok ? instances.map((origin) => resend(origin, t.moduleId, r.cookie, t.form)) : []))),
    );
    check(again.length > 0 && again.every((s) => s === 409), `${again.length} envois en double (les mêmes formulaires, sur les deux instances à la fois) : tous refusés (409)`);

    for (const moduleId of MODULES) {
      const rows = await quizRows(client, emails, moduleId);
      const wrong = rows.filter((r) => r.attempts !== 1 || r.submitted !== 1 || r.progress !== 1 || r.counted !== 1);
      for (const row of wrong.slice(0, 5)) console.log(`    ${JSON.stringify(row)}`);
      check(rows.length === LEARNERS && wrong.length === 0, `${moduleId} : une tentative envoyée et une ligne de progression (1 tentative comptée) par apprenante, ni doublon ni perte`);
    }
    const totals = (await client.execute({
      sql: `select (select count(*) from quiz_attempts a join users u on u.id = a.user_id where u.email like 'charge-%') as attempts,
                   (select count(*) from module_progress p join users u on u.id = p.user_id where u.email like 'charge-%') as progress`,
      args: [],
    })).rows[0]!;
    check(Number(totals.attempts) === LEARNERS * MODULES.length && Number(totals.progress) === LEARNERS * MODULES.length, `en tout : ${totals.attempts} tentatives et ${totals.progress} lignes de progression (attendu ${LEARNERS * MODULES.length} chacune)`);
  } finally {
    client.close();
  }
}

async function main() {
  if (!sqldBinary()) throw new Error(SQLD_MISSING);
  if (!fs.existsSync(path.join(ROOT, "build", "index.js")) || !fs.existsSync(path.join(ROOT, ".content-cache", "manifest.json")))
    throw new Error("Le site n'est pas construit : lancez « npm run build » avant (npm test le fait).");
  const begun = performance.now();

  // --skip-integration: only the instances, while working on them (CI runs everything).
  if (!process.argv.includes("--skip-integration")) {
    console.log("1. Tests d'intégration, chaque fichier sur son propre serveur libSQL (sqld)");
    const integration = await runIntegrationTests();
    check(integration === 0, `tests d'intégration sur sqld (${seconds(begun)})`);
  }

  console.log("\n2. Deux instances démarrées ensemble sur un même serveur libSQL");
  let sqld: RunningSqld | undefined;
  const servers: RunningServer[] = [];
  const dirs: string[] = [];
  try {
    sqld = await startSqld();
    const signingKey = crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const shared = {
      DATABASE_URL: sqld.url,
      SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
      SIGNING_KEY: Buffer.from(signingKey).toString("base64"),
      PUBLIC_URL: "http://pivot.test",
      PIVOT_DEMO: "1",
      TRUST_PROXY: "1",
      WEB_CONCURRENCY: "1",
    };
    const starting = performance.now();
    const started = await Promise.allSettled(
      ["a", "b"].map((name) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pivot-instance-${name}-`));
        dirs.push(dir);
        return startServer({ ...shared, DATA_DIR: dir }); // each its own data folder: nothing shared but the environment
      }),
    );
    for (const s of started) if (s.status === "fulfilled") servers.push(s.value);
    for (const s of started) if (s.status === "rejected") console.log(String(s.reason));
    check(servers.length === 2, `les deux instances répondent (${seconds(starting)})`);
    if (servers.length !== 2) return;
    const [a, b] = servers as [RunningServer, RunningServer];
    const logs = [...a.logs, ...b.logs].join("");
    check((logs.match(/comptes de démonstration créés/g) ?? []).length === 1, "une seule a créé les comptes de démonstration, l'autre a attendu le verrou des migrations");

    await sharedSecrets(a, b, sqld.url);
    await quizLoad(a, b, sqld.url);

    const errors = [...a.logs, ...b.logs].join("").match(/^(GET|POST|HEAD) \S+ 5\d\d .*$/gm) ?? [];
    for (const line of errors.slice(0, 5)) console.log(`    ${line}`);
    check(errors.length === 0, "aucune réponse 5xx dans les journaux des deux instances");
  } catch (error) {
    check(false, describe(error));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    if (failures.length)
      for (const [i, s] of servers.entries()) {
        const file = path.join(ROOT, "tests", ".tmp", `scale-out-${"ab"[i]}.log`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, s.logs.join(""));
        console.log(`journal de l'instance ${"AB"[i]} : ${path.relative(ROOT, file)}`);
      }
    await sqld?.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${failures.length ? `${failures.length} échec(s)` : "tout est bon"} (${seconds(begun)})`);
}

/** An error with its causes ("fetch failed" says little without them). */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e; e = e instanceof Error ? e.cause : undefined) parts.push(e instanceof Error ? e.message : String(e));
  return parts.join(" ← ");
}

try {
  await main();
} catch (error) {
  check(false, describe(error));
}
process.exit(failures.length ? 1 : 0);
