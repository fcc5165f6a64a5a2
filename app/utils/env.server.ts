// The environment, validated once with zod. A bad value stops the start with a message naming it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "~/utils/zod";
import { parseSigningKey, SIGNING_KEY_FORMAT } from "~/utils/signing-key";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ error: "doit être un nombre" }).int().min(1, "doit être entre 1 et 65535").max(65535, "doit être entre 1 et 65535").default(3000),
  DATABASE_URL: z
    .string()
    .default("file:./data/pivot.db")
    .refine((v) => /^(file:|libsql:|https?:|wss?:)/.test(v), "doit commencer par file:, libsql:, http(s): ou ws(s):"),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, "doit contenir au moins 32 caractères").optional(),
  /** The Open Badges signing key (see signing-key.ts); unset: generated once in the data folder. */
  SIGNING_KEY: z
    .string()
    .refine((v) => parseSigningKey(v) !== null, SIGNING_KEY_FORMAT)
    .optional(),
  DATA_DIR: z.string().default("./data"),
  /** The site's public address (badges, PDFs, links in messages): never taken from a request's Host header. */
  PUBLIC_URL: z
    .string()
    .url("doit être une adresse complète, par exemple https://pivot.mon-hopital.fr")
    .refine((v) => /^https?:\/\//.test(v), "doit commencer par http:// ou https://")
    .transform((v) => new URL(v).origin)
    .optional(),
  /** How many reverse proxies stand in front of the site (0: the client is the socket's address). */
  /** Demo accounts: "1" always (on an empty database), "0" never; unset: only on an embedded file database. */
  PIVOT_DEMO: z.enum(["0", "1"], { error: "doit valoir 0 ou 1" }).optional(),
  TRUST_PROXY: z.coerce
    .number({ error: "doit être un nombre de proxys (0, 1, 2…)" })
    .int("doit être un nombre entier de proxys (0, 1, 2…)")
    .min(0, "doit être un nombre de proxys (0, 1, 2…)")
    .max(10, "10 proxys au plus")
    .default(0),
  /** The mail server (smtp:// or smtps://, user and password in the URL); unset: messages wait in the outbox table. */
  SMTP_URL: z
    .string()
    .url("doit être une adresse complète, par exemple smtp://utilisateur:motdepasse@smtp.mon-hopital.fr:587")
    .refine((v) => /^smtps?:\/\//.test(v), "doit commencer par smtp:// ou smtps://")
    .optional(),
  /** The sender of every message: an address, or "Nom <adresse>". */
  MAIL_FROM: z
    .string()
    .trim()
    .refine(
      (v) => /^[^\s@<>]+@[^\s@<>]+$/.test(v) || /^[^<>]+<[^\s@<>]+@[^\s@<>]+>$/.test(v),
      "doit être une adresse, par exemple no-reply@mon-hopital.fr, ou « Pivot <no-reply@mon-hopital.fr> »",
    )
    .default("Pivot <no-reply@localhost>"),
});

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string; PUBLIC_URL: string };

export class EnvError extends Error {}

/** Parses an environment; throws an EnvError whose message names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")} : ${i.message}`);
    throw new EnvError(`Configuration invalide :\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Without SESSION_SECRET, one is generated once and kept under the data folder. */
export function resolveSessionSecret(env: z.infer<typeof envSchema>): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = path.resolve(env.DATA_DIR, "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("hex");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}

/** Without PUBLIC_URL the site says it is on this machine (fine for a demo; production should set it). */
export function resolvePublicUrl(env: z.infer<typeof envSchema>): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

let env: Env | undefined;
export function getEnv(): Env {
  if (!env) {
    const parsed = parseEnv(process.env);
    env = { ...parsed, SESSION_SECRET: resolveSessionSecret(parsed), PUBLIC_URL: resolvePublicUrl(parsed) };
  }
  return env;
}
