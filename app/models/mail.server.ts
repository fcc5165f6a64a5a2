// Sends the outbox through SMTP. Each message is claimed by one atomic UPDATE … RETURNING before it is sent
// (two processes, or two instances on one libSQL server, never take the same message), marked sent right
// after the server accepted it, and retried with an exponential backoff when the server refuses it.
// Without SMTP_URL nothing is sent: the messages wait in the outbox table.
import { and, asc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { outbox } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/** After this many failures a message is given up (left unsent, next_attempt_at = GIVEN_UP). */
export const MAX_ATTEMPTS = 10;
/** next_attempt_at of a message given up: later than any real date, so it is never due again. */
export const GIVEN_UP = "9999-12-31";
/** A claim older than this is considered abandoned (a process that stopped while sending). */
export const CLAIM_MS = 5 * 60_000;
export const SEND_EVERY_MS = 30_000;
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 3_600_000;

/** The wait after the n-th failure: 1 min, 2, 4 … at most 6 h. */
export function retryDelayMs(attempts: number) {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

export type MailTransport = Pick<Transporter, "sendMail">;

export type MailFailure = { id: string; attempts: number; error: string; nextAttemptAt: string; gaveUp: boolean };

/** One line, no message content: what the server answered. */
function describeError(error: unknown) {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim().slice(0, 500) || "erreur inconnue";
}

/** Claims the oldest due message (unsent, not claimed by a live process, its next attempt reached). */
async function claimNext(at: Date) {
  const db = getDb();
  const iso = at.toISOString();
  const due = and(
    isNull(outbox.sentAt),
    lt(outbox.attempts, MAX_ATTEMPTS),
    or(isNull(outbox.claimedAt), lt(outbox.claimedAt, new Date(at.getTime() - CLAIM_MS).toISOString())),
    or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, iso)),
  );
  const oldest = db.select({ id: outbox.id }).from(outbox).where(due).orderBy(asc(outbox.createdAt), asc(outbox.id)).limit(1);
  const [row] = await db
    .update(outbox)
    .set({ claimedAt: iso })
    .where(and(inArray(outbox.id, oldest), due))
    .returning({ id: outbox.id, to: outbox.to, subject: outbox.subject, body: outbox.body, attempts: outbox.attempts });
  return row;
}

/** The server accepted the message: it must be marked sent even if the database hiccups once. */
async function markSent(id: string, at: Date) {
  for (let attempt = 1; ; attempt++) {
    try {
      await getDb()
        .update(outbox)
        .set({ sentAt: at.toISOString(), claimedAt: null })
        .where(and(eq(outbox.id, id), isNull(outbox.sentAt)));
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/**
 * Sends up to `limit` due messages, one claim at a time, with `transport`. `now` is the time of the run
 * (the clock moves on from it while messages are sent). Returns what was sent and what failed.
 */
export async function sendPendingMail({
  transport,
  now = new Date(),
  limit = 50,
  from = getEnv().MAIL_FROM,
}: {
  transport: MailTransport;
  now?: Date;
  limit?: number;
  from?: string;
}) {
  const started = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  const sent: string[] = [];
  const failed: MailFailure[] = [];
  for (let i = 0; i < limit; i++) {
    const message = await claimNext(clock());
    if (!message) break;
    try {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.body });
    } catch (error) {
      const attempts = message.attempts + 1;
      const gaveUp = attempts >= MAX_ATTEMPTS;
      const nextAttemptAt = gaveUp ? GIVEN_UP : new Date(clock().getTime() + retryDelayMs(attempts)).toISOString();
      const lastError = describeError(error);
      await getDb()
        .update(outbox)
        .set({ attempts, lastError, nextAttemptAt, claimedAt: null })
        .where(and(eq(outbox.id, message.id), isNull(outbox.sentAt)));
      failed.push({ id: message.id, attempts, error: lastError, nextAttemptAt, gaveUp });
      continue;
    }
    await markSent(message.id, clock());
    sent.push(message.id);
  }
  return { sent, failed };
}

const SENDER = Symbol.for("pivot.mailSender");

/**
 * With SMTP_URL, sends the outbox every SEND_EVERY_MS (once per process, never two runs at a time).
 * Without it, does nothing: the messages stay in the outbox table.
 */
const WAKE = Symbol.for("pivot.mail-sender.wake");

/** A message was just queued (a reset link, an invitation): send it now rather than at the next round. */
export function sendMailSoon() {
  const wake = (globalThis as { [WAKE]?: () => void })[WAKE];
  if (wake) setTimeout(wake, 0).unref();
}

export function startMailSender() {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  const registry = globalThis as { [SENDER]?: NodeJS.Timeout };
  if (!SMTP_URL || registry[SENDER]) return;
  // Timeouts well under CLAIM_MS, so that a claim never goes stale while its message is being sent.
  const transport = nodemailer.createTransport({ url: SMTP_URL, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const { failed } = await sendPendingMail({ transport, from: MAIL_FROM });
      for (const f of failed) {
        console.error(
          f.gaveUp
            ? `Courriel ${f.id} abandonné après ${f.attempts} tentatives : ${f.error}`
            : `Courriel ${f.id} non envoyé (tentative ${f.attempts}/${MAX_ATTEMPTS}, nouvel essai après ${f.nextAttemptAt}) : ${f.error}`,
        );
      }
    } catch (error) {
      console.error(`Envoi des courriels interrompu : ${describeError(error)}`);
    } finally {
      running = false;
    }
  };
  (globalThis as { [WAKE]?: () => void })[WAKE] = () => void run();
  registry[SENDER] = setInterval(() => void run(), SEND_EVERY_MS);
  registry[SENDER].unref();
  setTimeout(() => void run(), 1_000).unref();
  console.log(`Courriel : envoi des messages par ${new URL(SMTP_URL).host}.`);
}
