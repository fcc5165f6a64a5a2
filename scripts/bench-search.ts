// Measures server-side search latency over the whole compiled corpus (run `npm run content:build` first).
import fs from "node:fs";
import path from "node:path";
import { search } from "~/models/search.server";

const index = path.join(process.env.PIVOT_CONTENT_DIR ?? ".content-cache", "search.db");
if (!fs.existsSync(index)) {
  console.error(`Index absent (${index}) : lancez « npm run content:build ».`);
  process.exit(1);
}

const QUERIES = [
  "échographie",
  "echo",
  "INS",
  "identite",
  "dmp",
  "appel agressif",
  "coloscopie preparation",
  "rendez-vous urgent",
  "secret professionnel",
  "IRM",
  "dialyse",
  "douleur thoracique",
  "ccam ngap",
  "personne de confiance",
  "zzz inconnu",
  "a",
  "plan blanc",
  "glaucome",
  "holter",
  "anglais",
];
const ROUNDS = 30;

for (const q of QUERIES) await search(q); // warm-up
const timings: number[] = [];
const perQuery = new Map<string, number[]>();
for (let r = 0; r < ROUNDS; r++)
  for (const q of QUERIES) {
    const t = performance.now();
    const { results } = await search(q);
    const ms = performance.now() - t;
    timings.push(ms);
    perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
    if (r === 0) process.stdout.write("");
    void results;
  }
const sorted = [...timings].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2);
console.log(`recherche : ${timings.length} requêtes sur le corpus complet`);
console.log(`  médiane ${pct(50)} ms · p95 ${pct(95)} ms · p99 ${pct(99)} ms · max ${sorted.at(-1)!.toFixed(2)} ms`);
const slowest = [...perQuery.entries()]
  .map(([q, t]) => [q, Math.max(...t)] as const)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 3);
console.log(`  requêtes les plus lentes : ${slowest.map(([q, t]) => `« ${q} » ${t.toFixed(2)} ms`).join(", ")}`);
const budget = 50;
if (Number(pct(99)) > budget) {
  console.error(`  au-dessus du budget de ${budget} ms au p99`);
  process.exitCode = 1;
}
