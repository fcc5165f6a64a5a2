// Benchmark of the team and tutoring pages with a large establishment: seeds a temporary SQLite file
// with 5,000 learners (integration paths, module progress, tutors), then times the real loaders.
// Usage: npm run bench (after npm run build, which compiles the content).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 5000);
const BUDGET_MS = 150;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pivot-bench-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
process.env.DATA_DIR = dir;
process.env.SESSION_SECRET = "bench-secret-0123456789abcdef0123456789";
process.env.NODE_ENV = "production";

const { migrateDatabase } = await import("../db/migrate");
const { openDatabase } = await import("../db/client");
const { seedDemo, DEMO_ESTABLISHMENT } = await import("../db/seed");
const schema = await import("../db/schema");
const { createPathFor } = await import("~/models/path.server");
const { listModules } = await import("~/content/modules.server");
const { getDb } = await import("~/utils/db.server");
const { eq } = await import("drizzle-orm");

await migrateDatabase(process.env.DATABASE_URL);
const { db, client } = openDatabase(process.env.DATABASE_URL);
await seedDemo(db, new Date(), { createPath: (d, id) => createPathFor(id, d) });
client.close();

const started = performance.now();
const appDb = getDb();
const services = Array.from({ length: 10 }, (_, i) => ({ id: `svc-bench-${i}`, name: `Service ${String(i + 1).padStart(2, "0")}`, establishment: DEMO_ESTABLISHMENT, specialty: "cardiologie" }));
await appDb.insert(schema.services).values(services);
const cadre = (await appDb.query.users.findFirst({ where: eq(schema.users.email, "cadre@pivot.demo") }))!;
const tutor = (await appDb.query.users.findFirst({ where: eq(schema.users.email, "tuteur@pivot.demo") }))!;
await appDb.insert(schema.serviceManagers).values(services.map((s) => ({ userId: cadre.id, serviceId: s.id })));

// Learners, half of them new recruits with a path; the demo tutor has 30 mentees among them.
const moduleIds = listModules().map((m) => m.frontmatter.id);
const today = Date.now();
const learners = Array.from({ length: LEARNERS }, (_, i) => ({
  id: crypto.randomUUID(),
  email: `apprenant.${i}@bench.pivot`,
  name: `Apprenante ${String(i).padStart(5, "0")}`,
  role: "learner" as const,
  profile: i % 2 === 0 ? ("nouvelle_recrue" as const) : ("confirmee" as const),
  establishment: DEMO_ESTABLISHMENT,
  serviceId: services[i % services.length]!.id,
  hireDate: new Date(today - (i % 200) * 86_400_000).toISOString().slice(0, 10),
}));
for (let i = 0; i < learners.length; i += 500) await appDb.insert(schema.users).values(learners.slice(i, i + 500));
for (const l of learners.filter((l) => l.profile === "nouvelle_recrue")) await createPathFor(l.id);
// Some steps done, some module progress.
await appDb.run((await import("drizzle-orm")).sql`update path_steps set done_at = created_at where abs(random()) % 3 = 0 and kind <> 'module'`);
const progress = learners.flatMap((l, i) =>
  moduleIds.slice(0, i % 8).map((m, j) => ({ userId: l.id, moduleId: m, moduleVersion: "1.0.0", status: (j % 2 ? "termine" : "lu") as "termine" | "lu", bestScore: 70 + (j % 4) * 10, attemptsCount: 1, updatedAt: new Date().toISOString() })),
);
for (let i = 0; i < progress.length; i += 500) await appDb.insert(schema.moduleProgress).values(progress.slice(i, i + 500));
await appDb.insert(schema.tutorAssignments).values(learners.slice(0, 60).filter((l) => l.profile === "nouvelle_recrue").map((l) => ({ id: crypto.randomUUID(), tutorId: tutor.id, learnerId: l.id, assignedBy: cadre.id })));
const [{ n: stepCount }] = (await appDb.all<{ n: number }>((await import("drizzle-orm")).sql`select count(*) as n from path_steps`)) as [{ n: number }];
console.log(`base de test : ${LEARNERS} apprenantes, ${stepCount} étapes de parcours, ${progress.length} lignes de progression (préparée en ${((performance.now() - started) / 1000).toFixed(1)} s)`);

// Signed-in requests, as the browser sends them.
const { createSession } = await import("~/utils/session.server");
async function cookieFor(userId: string) {
  const res = await createSession({ request: new Request("http://localhost/"), userId, redirectTo: "/" });
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}
const cadreCookie = await cookieFor(cadre.id);
const tutorCookie = await cookieFor(tutor.id);
const equipe = await import("~/routes/equipe._index");
const csv = await import("~/routes/equipe[.]csv");
const tutorat = await import("~/routes/tutorat._index");
const mentee = await import("~/routes/tutorat.$mentee");
const firstMentee = learners.find((l) => l.profile === "nouvelle_recrue")!.id;

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const scenarios: [string, Loader, string, string, Record<string, string>, boolean][] = [
  ["/equipe (page 1, tri par nom)", equipe.loader as Loader, "/equipe", cadreCookie, {}, true],
  ["/equipe (tri par progression)", equipe.loader as Loader, "/equipe?tri=progression&ordre=desc", cadreCookie, {}, true],
  ["/equipe (filtre en retard, page 3)", equipe.loader as Loader, "/equipe?statut=en_retard&page=3", cadreCookie, {}, true],
  ["/tutorat (30 tutoré·es)", tutorat.loader as Loader, "/tutorat", tutorCookie, {}, true],
  ["/tutorat/<tutorée>", mentee.loader as Loader, `/tutorat/${firstMentee}`, tutorCookie, { mentee: firstMentee }, true],
  ["/equipe.csv (export complet)", csv.loader as Loader, "/equipe.csv", cadreCookie, {}, false],
];

let failed = false;
for (const [label, loader, url, cookie, params, budgeted] of scenarios) {
  const run = async () => {
    const result = await loader({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params, context: {} });
    if (result instanceof Response && result.status !== 200) throw new Error(`${label} : statut ${result.status}`);
    if (result instanceof Response) await result.text();
  };
  for (let i = 0; i < 3; i++) await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  const over = budgeted && p95 > BUDGET_MS;
  failed ||= over;
  console.log(`${label.padEnd(38)} médiane ${median.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms${budgeted ? ` (budget ${BUDGET_MS} ms${over ? " DÉPASSÉ" : ""})` : ""}`);
}
fs.rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
