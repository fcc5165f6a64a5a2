// Benchmark of the team and tutoring pages with a large establishment: seeds a temporary SQLite file
// with 5,000 learners (integration paths, module progress, tutors), then times the real loaders.
// Usage: npm run bench (after npm run build, which compiles the content).
//   BENCH_LEARNERS=20000   size of the establishment (5,000 by default)
//   BENCH_DB=/tmp/b.db     keep the seeded base in that file and reuse it next time
//   BENCH_ONLY=csv         only the scenarios whose label matches (a regular expression)
// Budgets: every /equipe page answers in under 50 ms (median), the other pages under 150 ms (p95), the
// full CSV export in under 2 s (median) with its memory bounded: the growth of the resident memory's
// high-water mark while exporting, in a process of its own, for the whole establishment and for one
// service (a tenth of it) is printed; bounded memory grows alike for both.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 5000);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
const PAGE_BUDGET_MS = 50; // median, every /equipe page
const BUDGET_MS = 150; // p95, the other pages
const CSV_BUDGET_MS = 2000; // median, the full export
const KEEP = process.env.BENCH_DB ? path.resolve(process.env.BENCH_DB) : null;
const REUSE = KEEP !== null && fs.existsSync(KEEP);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pivot-bench-"));
process.env.DATABASE_URL = `file:${KEEP ?? path.join(dir, "bench.db")}`;
process.env.DATA_DIR = dir;
process.env.SESSION_SECRET = "bench-secret-0123456789abcdef0123456789";
process.env.NODE_ENV = "production";

const { migrateDatabase } = await import("../db/migrate");
const { openDatabase } = await import("../db/client");
const { seedDemo, DEMO_ESTABLISHMENT } = await import("../db/seed");
const schema = await import("../db/schema");
const { createPathFor } = await import("~/models/path.server");
const { listBlocks, listModules } = await import("~/content/modules.server");
const { newCertificateCode } = await import("~/utils/certificate-code");
const { getDb } = await import("~/utils/db.server");
const { eq, sql } = await import("drizzle-orm");

await migrateDatabase(process.env.DATABASE_URL);
const appDb = getDb();
const one = async <T>(query: ReturnType<typeof sql>) => ((await appDb.all<T>(query)) as T[])[0]!;
if (!REUSE) {
  const { db, client } = openDatabase(process.env.DATABASE_URL);
  await seedDemo(db, new Date(), { createPath: (d, id) => createPathFor(id, d) });
  client.close();
  await seedBench();
}
const cadre = (await appDb.query.users.findFirst({ where: eq(schema.users.email, "cadre@pivot.demo") }))!;
const tutor = (await appDb.query.users.findFirst({ where: eq(schema.users.email, "tuteur@pivot.demo") }))!;
const firstMentee = (await appDb.query.users.findFirst({ where: eq(schema.users.email, "apprenant.0@bench.pivot") }))!.id;
const stored = await one<{ learners: number; steps: number; progress: number }>(
  sql`select (select count(*) from users where email like '%@bench.pivot') as learners, (select count(*) from path_steps) as steps, (select count(*) from module_progress) as progress`,
);
if (REUSE)
  console.log(
    `base de test réutilisée (${KEEP}) : ${stored.learners} apprenantes, ${stored.steps} étapes de parcours, ${stored.progress} lignes de progression`,
  );
if (REUSE && stored.learners !== LEARNERS) console.warn(`attention : BENCH_LEARNERS=${LEARNERS} mais la base réutilisée en contient ${stored.learners}`);

async function seedBench() {
  const started = performance.now();
  const services = Array.from({ length: 10 }, (_, i) => ({
    id: `svc-bench-${i}`,
    name: `Service ${String(i + 1).padStart(2, "0")}`,
    establishment: DEMO_ESTABLISHMENT,
    specialty: "cardiologie",
  }));
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
    // Accounts created on arrival: path steps fall due from the hire date, so many are late.
    createdAt: new Date(today - (i % 200) * 86_400_000).toISOString(),
  }));
  for (let i = 0; i < learners.length; i += 500) await appDb.insert(schema.users).values(learners.slice(i, i + 500));
  for (const l of learners.filter((l) => l.profile === "nouvelle_recrue")) await createPathFor(l.id);
  // Some steps done, some module progress.
  await appDb.run(sql`update path_steps set done_at = created_at where abs(random()) % 3 = 0 and kind <> 'module'`);
  const progress = learners.flatMap((l, i) =>
    moduleIds.slice(0, i % 8).map((m, j) => ({
      userId: l.id,
      moduleId: m,
      moduleVersion: "1.0.0",
      status: (j % 2 ? "termine" : "lu") as "termine" | "lu",
      bestScore: 70 + (j % 4) * 10,
      attemptsCount: 1,
      updatedAt: new Date().toISOString(),
    })),
  );
  for (let i = 0; i < progress.length; i += 500) await appDb.insert(schema.moduleProgress).values(progress.slice(i, i + 500));
  // A submitted quiz for each completed module (last activity), a block certificate for one learner in ten (some to renew soon).
  const attempts = progress
    .filter((p) => p.status === "termine")
    .map((p, i) => ({
      id: crypto.randomUUID(),
      userId: p.userId,
      moduleId: p.moduleId,
      moduleVersion: "1.0.0",
      questions: [],
      total: 10,
      passMark: 80,
      score: 90,
      passed: true,
      submittedAt: new Date(today - (i % 90) * 86_400_000).toISOString(),
    }));
  for (let i = 0; i < attempts.length; i += 500) await appDb.insert(schema.quizAttempts).values(attempts.slice(i, i + 500));
  const blocks = listBlocks();
  const certified = learners
    .filter((_, i) => i % 10 === 3)
    .map((l, i) => ({
      id: crypto.randomUUID(),
      userId: l.id,
      kind: "bloc" as const,
      blockId: blocks[i % blocks.length]!.id,
      level: "generales" as const,
      code: newCertificateCode(),
      holderName: l.name,
      title: `Bloc ${blocks[i % blocks.length]!.number}`,
      issuedAt: new Date(today - 400 * 86_400_000).toISOString().slice(0, 10),
      validUntil: new Date(today + (i % 400) * 86_400_000).toISOString().slice(0, 10),
      evidence: {},
    }));
  for (let i = 0; i < certified.length; i += 500) await appDb.insert(schema.certificates).values(certified.slice(i, i + 500));
  // One learner in fifty has left: she stays in the base, out of the lists.
  await appDb.run(
    sql`update users set deactivated_at = ${new Date().toISOString()} where email like '%@bench.pivot' and cast(substr(email, 11) as integer) % 50 = 49`,
  );
  await appDb.insert(schema.tutorAssignments).values(
    learners
      .slice(0, 60)
      .filter((l) => l.profile === "nouvelle_recrue")
      .map((l) => ({ id: crypto.randomUUID(), tutorId: tutor.id, learnerId: l.id, assignedBy: cadre.id })),
  );
  const [{ n: stepCount }] = (await appDb.all<{ n: number }>(sql`select count(*) as n from path_steps`)) as [{ n: number }];
  console.log(
    `base de test : ${LEARNERS} apprenantes, ${stepCount} étapes de parcours, ${progress.length} lignes de progression (préparée en ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}

// A process of its own measures the memory of one export (BENCH_CSV_MEMORY=<url>), see below.
const MEMORY_OF = process.env.BENCH_CSV_MEMORY;

// Signed-in requests, as the browser sends them.
const { createSession } = await import("~/utils/session.server");
async function cookieFor(userId: string) {
  const res = await createSession({ request: new Request("http://localhost/"), userId, redirectTo: "/" });
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}
const cadreCookie = await cookieFor(cadre.id);
const tutorCookie = await cookieFor(tutor.id);
const home = await import("~/routes/_index");
const equipe = await import("~/routes/equipe._index");
const csv = await import("~/routes/equipe[.]csv");
const tutorat = await import("~/routes/tutorat._index");
const mentee = await import("~/routes/tutorat.$personne");

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const call = async (loader: Loader, url: string, cookie: string, params: Record<string, string> = {}) => {
  const result = await loader({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params, context: {} });
  if (result instanceof Response && result.status !== 200) throw new Error(`${url} : statut ${result.status}`);
  return result;
};
const readCsv = async (url: string, eachChunk = () => {}) => {
  const res = (await call(csv.loader as Loader, url, cadreCookie)) as Response;
  const reader = res.body!.getReader();
  let lines = 0;
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.byteLength;
    for (const byte of next.value) if (byte === 10) lines++;
    eachChunk();
  }
  return { rows: lines - 1, bytes };
};

if (MEMORY_OF) {
  // One export in this fresh process, after a small one (code loaded, caches warm): how much higher the
  // resident memory's high-water mark goes (at most; 0 when it stays under the start's own peak). Then
  // the same export with a garbage collection at each chunk: the memory it holds from one chunk to the next.
  await readCsv("/equipe.csv?service=svc-bench-3");
  const before = process.memoryUsage.rss();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  await readCsv(MEMORY_OF);
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  (await import("node:v8")).setFlagsFromString("--expose-gc");
  const gc = (await import("node:vm")).runInNewContext("gc") as () => void;
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
  gc();
  const base = used();
  let held = 0;
  await readCsv(MEMORY_OF, () => {
    gc();
    held = Math.max(held, used() - base);
  });
  console.log(JSON.stringify({ growth: Math.max(0, peakAfter - Math.max(before, peakBefore)), held }));
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const pagesOf = async (query: string) => ((await call(equipe.loader as Loader, `/equipe?${query}`, cadreCookie)) as { pages: number }).pages;
const [last, lateMiddle] = [await pagesOf(""), Math.ceil((await pagesOf("tri=retard")) / 2)];

type Scenario = { label: string; loader: Loader; url: string; cookie: string; params?: Record<string, string>; budget: "page" | "p95" | "none" };
const team = (label: string, query: string): Scenario => ({
  label: `/equipe ${label}`,
  loader: equipe.loader as Loader,
  url: `/equipe?${query}`,
  cookie: cadreCookie,
  budget: "page",
});
const scenarios: Scenario[] = [
  team("page 1, tri par nom", ""),
  team(`page ${last} (dernière), tri par nom`, `page=${last}`),
  team("nom décroissant", "tri=nom&ordre=desc"),
  team("tri par service", "tri=service"),
  team("tri par service, page 400", "tri=service&ordre=desc&page=400"),
  team("tri par arrivée (récentes)", "tri=arrivee&ordre=desc"),
  team("tri par progression", "tri=progression&ordre=desc"),
  team(`tri par progression, page ${last}`, `tri=progression&page=${last}`),
  team("tri par retards", "tri=retard&ordre=desc"),
  team(`tri par retards, page ${lateMiddle}`, `tri=retard&ordre=desc&page=${lateMiddle}`),
  team("filtre en retard, page 3", "statut=en_retard&page=3"),
  team("filtre à jour", "statut=a_jour"),
  team("filtre terminé", "statut=termine"),
  team("filtre sans parcours, page 50", "statut=sans_parcours&page=50"),
  team("filtre sans tutrice", "statut=sans_tutrice"),
  team("filtre service + profil", "service=svc-bench-3&profil=nouvelle_recrue&tri=arrivee"),
  { label: "/ (accueil cadre, équipe en un coup d'œil)", loader: home.loader as Loader, url: "/", cookie: cadreCookie, budget: "p95" },
  { label: "/tutorat (30 tutoré·es)", loader: tutorat.loader as Loader, url: "/tutorat", cookie: tutorCookie, budget: "p95" },
  {
    label: "/tutorat/<tutorée>",
    loader: mentee.loader as Loader,
    url: `/tutorat/${firstMentee}`,
    cookie: tutorCookie,
    params: { personne: firstMentee },
    budget: "p95",
  },
];

const table: [string, string, string, string, string][] = [];
let failed = false;
const ms = (t: number) => `${t.toFixed(1)} ms`;
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! };
};
for (const s of scenarios.filter((s) => !ONLY || ONLY.test(s.label))) {
  const run = async () => {
    const result = await call(s.loader, s.url, s.cookie, s.params);
    if (result instanceof Response) await result.text();
  };
  for (let i = 0; i < 3; i++) await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  const { median, p95 } = stats(times);
  const over = s.budget === "page" ? median > PAGE_BUDGET_MS : s.budget === "p95" ? p95 > BUDGET_MS : false;
  failed ||= over;
  table.push([s.label, ms(median), ms(p95), s.budget === "page" ? `médiane < ${PAGE_BUDGET_MS} ms` : `p95 < ${BUDGET_MS} ms`, over ? "DÉPASSÉ" : "ok"]);
  console.log(`${s.label.padEnd(48)} médiane ${ms(median)} · p95 ${ms(p95)}`);
}

// The full export, read as a browser would (chunk by chunk), timed; then its memory, each export in a
// process of its own: the whole establishment, and one service (a tenth of it).
if (!ONLY || ONLY.test("/equipe.csv (export complet)")) {
  const times: number[] = [];
  let size = { rows: 0, bytes: 0 };
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    size = await readCsv("/equipe.csv");
    if (i > 0) times.push(performance.now() - t); // the first one warms up
  }
  const { execFileSync } = await import("node:child_process");
  const memoryOf = (url: string) =>
    JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
        env: { ...process.env, BENCH_DB: process.env.DATABASE_URL!.slice("file:".length), BENCH_CSV_MEMORY: url, BENCH_ONLY: "" },
        encoding: "utf8",
      })
        .trim()
        .split("\n")
        .pop()!,
    ) as { growth: number; held: number };
  const [all, oneService] = [memoryOf("/equipe.csv"), memoryOf("/equipe.csv?service=svc-bench-3")];
  const { median, p95 } = stats(times);
  const over = median > CSV_BUDGET_MS;
  failed ||= over;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} Mo`;
  const label = `/equipe.csv (export complet, ${size.rows} lignes, ${mb(size.bytes)})`;
  table.push([label, ms(median), ms(p95), `médiane < ${CSV_BUDGET_MS} ms`, over ? "DÉPASSÉ" : "ok"]);
  table.push(["  mémoire : hausse du pic de RSS, tout / un service", `+${mb(all.growth)}`, `+${mb(oneService.growth)}`, "", ""]);
  table.push(["  mémoire tenue d'un morceau à l'autre (après GC)", `+${mb(all.held)}`, `+${mb(oneService.held)}`, "", ""]);
  console.log(
    `${label.padEnd(48)} médiane ${ms(median)} · p95 ${ms(p95)} · pic de RSS +${mb(all.growth)} (un service : +${mb(oneService.growth)}) · tenue +${mb(all.held)} / +${mb(oneService.held)}`,
  );
}

const header: [string, string, string, string, string] = ["Scénario", "Médiane", "p95", "Budget", ""];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
console.log(
  `\nRésultats (${stored.learners} apprenantes, ${stored.steps} étapes de parcours ; charge de la machine ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} sur ${os.cpus().length} cœurs)`,
);
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of table) console.log(line(r));
fs.rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
