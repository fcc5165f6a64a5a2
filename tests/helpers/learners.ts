// Extra learners for load tests: copies of the demo recruit (same service, same password), written
// straight into the database the site uses.
import crypto from "node:crypto";
import type { Client, InValue } from "@libsql/client";

/** Creates `count` learners named charge-<n>@pivot.test, signing in with the demo password; their emails. */
export async function addLearners(client: Client, count: number, prefix = "charge"): Promise<string[]> {
  type Model = { establishment: InValue; service_id: InValue; hire_date: InValue; password_hash: InValue };
  const model = (await client.execute("select establishment, service_id, hire_date, password_hash from users where email = 'nouvelle.recrue@pivot.demo'")).rows[0] as Model | undefined;
  if (!model) throw new Error("the demo recruit is missing: is the database seeded?");
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}@pivot.test`);
  await client.batch(
    emails.map((email, i) => ({
      sql: "insert into users (id, email, name, role, profile, establishment, service_id, hire_date, password_hash) values (?, ?, ?, 'learner', 'nouvelle_recrue', ?, ?, ?, ?)",
      args: [crypto.randomUUID(), email, `Apprenante ${i + 1}`, model.establishment, model.service_id, model.hire_date, model.password_hash],
    })),
    "write",
  );
  return emails;
}

/** For each email: its quiz attempts on a module (submitted or not) and its progress rows there. */
export async function quizRows(client: Client, emails: string[], moduleId: string) {
  const rows = await client.execute({
    sql: `select u.email,
            (select count(*) from quiz_attempts a where a.user_id = u.id and a.module_id = ?1) as attempts,
            (select count(*) from quiz_attempts a where a.user_id = u.id and a.module_id = ?1 and a.submitted_at is not null) as submitted,
            (select count(*) from module_progress p where p.user_id = u.id and p.module_id = ?1) as progress,
            (select coalesce(sum(p.attempts_count), 0) from module_progress p where p.user_id = u.id and p.module_id = ?1) as counted
          from users u where u.email in (${emails.map(() => "?").join(", ")})`,
    args: [moduleId, ...emails],
  });
  return rows.rows.map((r) => ({ email: String(r.email), attempts: Number(r.attempts), submitted: Number(r.submitted), progress: Number(r.progress), counted: Number(r.counted) }));
}
