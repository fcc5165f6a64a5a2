// The outbox goes out through a real SMTP server (smtp-server on 127.0.0.1), with real nodemailer transports.
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { eq, inArray, isNull } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { outbox } from "../../db/schema";
import { findPasswordReset, requestPasswordReset } from "~/models/accounts.server";
import { CLAIM_MS, GIVEN_UP, MAX_ATTEMPTS, sendPendingMail } from "~/models/mail.server";
import { getDb } from "~/utils/db.server";

type Received = { rcptTo: string[]; headers: Map<string, string>; text: string };

/** The text body of a raw message (quoted-printable, base64 or plain). */
function parseMessage(raw: string): Omit<Received, "rcptTo"> {
  const split = raw.indexOf("\r\n\r\n");
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, " ")
    .split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = raw.slice(split + 4);
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  if (encoding === "quoted-printable")
    body = Buffer.from(
      body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      "latin1",
    ).toString("utf8");
  else if (encoding === "base64") body = Buffer.from(body, "base64").toString("utf8");
  return { headers, text: body.replace(/\r\n/g, "\n") };
}

const received: Received[] = [];
let refusing = false;
let server: SMTPServer;
let port: number;
const transports: Transporter[] = [];

function newTransport() {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  transports.push(transport);
  return transport;
}

const to = (address: string) => received.filter((m) => m.rcptTo.includes(address));
const row = async (id: string) => (await getDb().query.outbox.findFirst({ where: eq(outbox.id, id) }))!;

async function addMessage(address: string, values: Partial<typeof outbox.$inferInsert> = {}) {
  const id = crypto.randomUUID();
  await getDb()
    .insert(outbox)
    .values({ id, to: address, subject: `Message de test ${id.slice(0, 8)}`, body: "Bonjour,\n\nCeci est un essai.", ...values });
  return id;
}

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusing) return callback();
      const error = new Error("Mailbox unavailable, try again later") as Error & { responseCode: number };
      error.responseCode = 450;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), ...parseMessage(Buffer.concat(chunks).toString("utf8")) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const transport of transports) transport.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  refusing = false;
  // Each test starts from an empty queue: whatever an earlier test left unsent is set aside.
  await getDb().update(outbox).set({ sentAt: "2000-01-01T00:00:00.000Z" }).where(isNull(outbox.sentAt));
});

describe("sending the outbox through SMTP", () => {
  it("a password reset arrives with its working link, is marked sent, and is never sent again", async () => {
    const email = "secretaire.confirmee@pivot.demo";
    await requestPasswordReset({ email, publicUrl: "http://localhost:3000" });
    const [message] = await getDb().select().from(outbox).where(isNull(outbox.sentAt));
    expect(message?.to).toBe(email);

    const transport = newTransport();
    const result = await sendPendingMail({ transport });
    expect(result).toEqual({ sent: [message!.id], failed: [] });
    await vi.waitFor(() => expect(to(email)).toHaveLength(1));

    const mail = to(email)[0]!;
    expect(mail.headers.get("to")).toBe(email);
    expect(mail.headers.get("from")).toBe("Pivot <no-reply@localhost>");
    expect(mail.headers.get("subject")).toBe("Choisir un nouveau mot de passe Pivot");
    expect(mail.text).toContain("Bonjour Nadia Benali,");
    const token = mail.text.match(/http:\/\/localhost:3000\/reinitialisation\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeTruthy();
    expect((await findPasswordReset(token!))?.email).toBe(email);

    const stored = await row(message!.id);
    expect(stored.sentAt).not.toBeNull();
    expect(stored).toMatchObject({ claimedAt: null, attempts: 0, lastError: null });

    // A second run (even much later) finds nothing to send.
    expect(await sendPendingMail({ transport })).toEqual({ sent: [], failed: [] });
    expect(await sendPendingMail({ transport, now: new Date(Date.now() + 86_400_000) })).toEqual({ sent: [], failed: [] });
    expect(to(email)).toHaveLength(1);
  });

  it("a refused message is retried with a growing delay, then sent once when the server accepts it", async () => {
    const address = "relance@pivot.demo";
    const id = await addMessage(address);
    const transport = newTransport();
    const t0 = new Date();
    refusing = true;

    const first = await sendPendingMail({ transport, now: t0 });
    expect(first.sent).toEqual([]);
    expect(first.failed).toMatchObject([{ id, attempts: 1, gaveUp: false }]);
    let stored = await row(id);
    expect(stored).toMatchObject({ sentAt: null, claimedAt: null, attempts: 1 });
    expect(stored.lastError).toContain("Mailbox unavailable");
    const firstDelay = Date.parse(stored.nextAttemptAt!) - t0.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(60_000);
    expect(firstDelay).toBeLessThan(70_000);

    // Not due yet: nothing is tried, even once the server accepts again.
    refusing = false;
    expect(await sendPendingMail({ transport, now: new Date(t0.getTime() + 30_000) })).toEqual({ sent: [], failed: [] });
    expect(await row(id)).toMatchObject({ attempts: 1, sentAt: null });

    // Due, refused again: the delay doubles.
    refusing = true;
    const t1 = new Date(Date.parse(stored.nextAttemptAt!));
    expect((await sendPendingMail({ transport, now: t1 })).failed).toMatchObject([{ id, attempts: 2 }]);
    stored = await row(id);
    const secondDelay = Date.parse(stored.nextAttemptAt!) - t1.getTime();
    expect(secondDelay).toBeGreaterThanOrEqual(120_000);
    expect(secondDelay).toBeLessThan(130_000);

    // Due, accepted: sent once.
    refusing = false;
    const t2 = new Date(Date.parse(stored.nextAttemptAt!) + 1_000);
    expect(await sendPendingMail({ transport, now: t2 })).toEqual({ sent: [id], failed: [] });
    await vi.waitFor(() => expect(to(address)).toHaveLength(1));
    stored = await row(id);
    expect(stored.sentAt).not.toBeNull();
    expect(stored).toMatchObject({ claimedAt: null, attempts: 2 });

    expect(await sendPendingMail({ transport, now: new Date(t2.getTime() + 6 * 3_600_000) })).toEqual({ sent: [], failed: [] });
    expect(to(address)).toHaveLength(1);
  });

  it(`gives a message up after ${MAX_ATTEMPTS} failures, and never tries it again`, async () => {
    const address = "abandon@pivot.demo";
    const id = await addMessage(address, { attempts: MAX_ATTEMPTS - 1 });
    const transport = newTransport();
    refusing = true;
    expect((await sendPendingMail({ transport })).failed).toMatchObject([{ id, attempts: MAX_ATTEMPTS, gaveUp: true, nextAttemptAt: GIVEN_UP }]);
    expect(await row(id)).toMatchObject({ sentAt: null, claimedAt: null, attempts: MAX_ATTEMPTS, nextAttemptAt: GIVEN_UP });

    refusing = false;
    expect(await sendPendingMail({ transport, now: new Date("9000-01-01T00:00:00.000Z") })).toEqual({ sent: [], failed: [] });
    expect(to(address)).toHaveLength(0);
  });

  it("leaves a message claimed by a live process alone, and takes over an abandoned claim", async () => {
    const now = new Date();
    const live = await addMessage("pris@pivot.demo", { claimedAt: new Date(now.getTime() - 60_000).toISOString() });
    const stale = await addMessage("abandonne@pivot.demo", { claimedAt: new Date(now.getTime() - CLAIM_MS - 60_000).toISOString() });
    expect(await sendPendingMail({ transport: newTransport(), now })).toEqual({ sent: [stale], failed: [] });
    await vi.waitFor(() => expect(to("abandonne@pivot.demo")).toHaveLength(1));
    expect(to("pris@pivot.demo")).toHaveLength(0);
    expect((await row(live)).sentAt).toBeNull();
  });

  it("two runs at the same time send each message exactly once", async () => {
    const addresses = Array.from({ length: 8 }, (_, i) => `concurrence.${i}@pivot.demo`);
    const ids: string[] = [];
    for (const address of addresses) ids.push(await addMessage(address));

    const [a, b] = await Promise.all([sendPendingMail({ transport: newTransport() }), sendPendingMail({ transport: newTransport() })]);
    expect([...a.sent, ...b.sent].sort()).toEqual([...ids].sort());
    expect([...a.failed, ...b.failed]).toEqual([]);
    await vi.waitFor(() => expect(received.filter((m) => addresses.some((x) => m.rcptTo.includes(x)))).toHaveLength(addresses.length));
    for (const address of addresses) expect(to(address)).toHaveLength(1);
    const rows = await getDb().select().from(outbox).where(inArray(outbox.id, ids));
    expect(rows.every((r) => r.sentAt !== null && r.claimedAt === null)).toBe(true);
  });
});
