// Prepares the database before the server starts (once, before any worker is forked): validates the
// environment, applies migrations, seeds demo data when the database is empty.
import { migrateDatabase } from "../db/migrate";
import { demoWanted, seedDemo } from "../db/seed";
import { EnvError, getEnv } from "~/utils/env.server";
import { createPathFor } from "~/models/path.server";
import { getModule } from "~/content/modules.server";
import { purgeAudit } from "~/models/audit.server";
import { purgeSecurityData, SECURITY_RETENTION_DAYS } from "~/utils/session.server";
import fs from "node:fs";
import path from "node:path";

try {
  const env = getEnv();
  // Demo data under the migration lock: two instances starting together on an empty database seed it once.
  let seeded = false;
  await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN, async (db) => {
    if (demoWanted({ databaseUrl: env.DATABASE_URL, pivotDemo: env.PIVOT_DEMO }))
      seeded = await seedDemo(db, new Date(), {
        createPath: (db, userId) => createPathFor(userId, db),
        demoHistory: true,
        questionsOf: (moduleId) => getModule(moduleId)?.quiz?.questions.map((q) => q.id) ?? [],
      });
  });
  // Owner-only permissions on an embedded database file (training data and security logs).
  if (env.DATABASE_URL.startsWith("file:")) {
    const file = path.resolve(env.DATABASE_URL.slice("file:".length));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  }
  const purged = await purgeSecurityData();
  const journal = await purgeAudit();
  if (journal) console.log(`journal des actions : ${journal} entrée(s) de plus d'un an effacée(s)`);
  if (purged.attempts || purged.sessions) console.log(`données de sécurité de plus de ${SECURITY_RETENTION_DAYS} jours effacées : ${purged.attempts} tentative(s) de connexion, ${purged.sessions} session(s)`);
  console.log(`base de données prête (${env.DATABASE_URL})${seeded ? " : comptes de démonstration créés" : ""}`);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
