// In Chromium, against its own instance of the site wired to a real SMTP server (smtp-server on loopback):
// a forgotten password is reset from the email that arrives, which ends the sessions opened before;
// a person whose account a cadre deactivated can no longer sign in.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";

type Mail = { to: string[]; raw: string };
const mails: Mail[] = [];
let smtp: SMTPServer;
let site: RunningServer;

/** Waits for a condition, polling: never a fixed sleep. */
async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`toujours pas de ${what} après ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  site = await startServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Pivot <pivot@hopital.test>" });
}, 120_000);

afterAll(async () => {
  if (process.env.DEBUG_E2E) console.log(site?.logs.join(""));
  await site?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

/** The reset link of a message (quoted-printable soft breaks undone). */
function resetLink(raw: string): string | undefined {
  const text = raw.replace(/=\r\n/g, "").replace(/=3D/g, "=");
  return text.match(/https?:\/\/[^\s]+\/reinitialisation\/[A-Za-z0-9_-]+/)?.[0];
}

describe("account recovery and offboarding, end to end", () => {
  it("forgotten password: the email arrives, its link sets a new password, and the sessions opened before are gone", async () => {
    const before = await launch({ baseURL: site.baseURL });
    const now = await launch({ baseURL: site.baseURL });
    try {
      // A session left open on another PC.
      await signIn(before.page, "nouvelle.recrue@pivot.demo");
      await before.page.goto("/mon-compte");
      await before.page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();

      const { page } = now;
      await page.goto("/connexion");
      await page.getByRole("link", { name: /Mot de passe oublié/ }).click();
      await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
      await page.getByLabel("Adresse e-mail").fill("nouvelle.recrue@pivot.demo");
      await page.getByRole("button", { name: "Recevoir le lien" }).click();
      await page.getByText("Si un compte Pivot correspond à cette adresse").waitFor();

      const mail = await until(() => mails.find((m) => m.to.includes("nouvelle.recrue@pivot.demo")), "courriel de réinitialisation");
      expect(mail.raw).toMatch(/Subject: Choisir un nouveau mot de passe Pivot/);
      expect(mail.raw).toMatch(/From: Pivot <pivot@hopital.test>/);
      const link = resetLink(mail.raw);
      expect(link).toBeDefined();
      expect(link!.startsWith(site.baseURL)).toBe(true);

      await page.goto(link!);
      await page.getByRole("heading", { level: 1, name: "Nouveau mot de passe" }).waitFor();
      await page.getByLabel("Mot de passe", { exact: true }).fill("girafe tambour citron falaise");
      await page.getByLabel("Confirmez le mot de passe").fill("girafe tambour citron falaise");
      await page.getByRole("button", { name: "Enregistrer et me connecter" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await screenshot(page, "95-mot-de-passe-reinitialise");

      // The other PC's session has ended: the next page asks to sign in again.
      await before.page.goto("/mon-compte");
      await before.page.waitForURL((url) => url.pathname === "/connexion");
      // The link served once.
      await page.goto(link!);
      await page.getByText("Ce lien n'est plus valable").waitFor();
      // The new password works, the old one no longer does.
      await page.context().clearCookies();
      await signIn(page, "nouvelle.recrue@pivot.demo", "girafe tambour citron falaise");
      expect(new URL(page.url()).pathname).toBe("/");
      // The used link answers 410 Gone on purpose: the only console message allowed.
      expect(now.consoleErrors.filter((e) => !/status of 410/.test(e))).toEqual([]);
    } finally {
      await before.close();
      await now.close();
    }
  });

  it("a cadre deactivates a tutor who left, who then cannot sign in; her mentee shows as without a tutor", async () => {
    const cadre = await launch({ baseURL: site.baseURL });
    const tutor = await launch({ baseURL: site.baseURL });
    try {
      await signIn(tutor.page, "tuteur@pivot.demo");
      const { page } = cadre;
      await signIn(page, "cadre@pivot.demo");
      await page.goto("/equipe");
      await page.getByRole("heading", { name: "Tutrices de vos services" }).waitFor();
      await page.getByRole("link", { name: "Sophie Lefèvre" }).click();
      await page.getByRole("heading", { level: 1, name: "Sophie Lefèvre" }).waitFor();
      await page
        .getByRole("note")
        .getByText(/Attention : elle est la tutrice d/)
        .waitFor();
      await page.getByLabel(/Je confirme le départ de Sophie Lefèvre/).check();
      await page.getByRole("button", { name: "Désactiver le compte" }).click();
      await page.getByText(/Compte désactivé : Sophie Lefèvre ne peut plus se connecter/).waitFor();
      await screenshot(page, "96-compte-desactive");

      await page.goto("/equipe");
      await page.getByText(/nouvelles? recrues? n'(a|ont) pas de tutrice/).waitFor();
      await page.getByText("Personnes parties (1)").waitFor();

      // Her open session ended at once; signing in again is refused with a clear French message.
      await tutor.page.goto("/");
      await tutor.page.waitForURL((url) => url.pathname === "/connexion");
      await tutor.page.getByLabel("Adresse e-mail").fill("tuteur@pivot.demo");
      await tutor.page.getByLabel("Mot de passe").fill("pivot-demo-2026");
      await tutor.page.getByRole("button", { name: "Se connecter" }).click();
      await tutor.page
        .getByRole("alert")
        .getByText(/Ce compte a été désactivé/)
        .waitFor();
      expect(new URL(tutor.page.url()).pathname).toBe("/connexion");
      expect(cadre.consoleErrors).toEqual([]);
    } finally {
      await cadre.close();
      await tutor.close();
    }
  });
});
