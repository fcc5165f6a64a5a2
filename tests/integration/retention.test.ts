// Retention: sign-in attempts and dead sessions are deleted after 90 days; the database file is the owner's only.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginAttempts, sessions, users } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { purgeSecurityData, SECURITY_RETENTION_DAYS } from "~/utils/session.server";
import { ROOT, TMP } from "../helpers/paths";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe("retention of security data", () => {
  it(`deletes sign-in attempts and sessions ended more than ${SECURITY_RETENTION_DAYS} days ago, and nothing else`, async () => {
    const db = getDb();
    const userId = (await db.query.users.findFirst({ where: eq(users.email, "tuteur@pivot.demo") }))!.id;
    await db.insert(loginAttempts).values([
      { email: "vieux@pivot.demo", success: false, address: "192.0.2.1", createdAt: daysAgo(120) },
      { email: "recent@pivot.demo", success: false, address: "192.0.2.1", createdAt: daysAgo(10) },
    ]);
    await db.insert(sessions).values([
      { id: "expiree-ancienne", userId, expiresAt: daysAgo(100), createdAt: daysAgo(130), lastSeenAt: daysAgo(100) },
      { id: "inactive-ancienne", userId, expiresAt: daysAgo(-20), createdAt: daysAgo(95), lastSeenAt: daysAgo(95) },
      { id: "expiree-recente", userId, expiresAt: daysAgo(5), createdAt: daysAgo(35), lastSeenAt: daysAgo(6) },
      { id: "active", userId, expiresAt: daysAgo(-29), createdAt: daysAgo(1), lastSeenAt: daysAgo(0) },
    ]);
    expect(await purgeSecurityData()).toEqual({ attempts: 1, sessions: 2 });
    const emails = (await db.select().from(loginAttempts)).map((a) => a.email);
    expect(emails).toContain("recent@pivot.demo");
    expect(emails).not.toContain("vieux@pivot.demo");
    const left = (await db.select().from(sessions)).map((s) => s.id);
    expect(left).toEqual(expect.arrayContaining(["expiree-recente", "active"]));
    expect(left).not.toContain("expiree-ancienne");
    expect(left).not.toContain("inactive-ancienne");
  });

  it("the embedded database file is readable by its owner only", () => {
    const dir = fs.mkdtempSync(path.join(TMP, "perm-"));
    const file = path.join(dir, "pivot.db");
    const res = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/setup.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: `file:${file}`, PIVOT_CONTENT_DIR: process.env.PIVOT_CONTENT_DIR },
      encoding: "utf8",
    });
    expect(res.status, res.stderr).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
