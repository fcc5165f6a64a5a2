// `npm run admin:create`: the first real administrator of an establishment, on any database.
// Interactive by default; for scripts: --email, --name, --etablissement and the password in the
// PIVOT_ADMIN_PASSWORD variable (never on the command line, where other users of the machine see it).
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { migrateDatabase } from "../db/migrate";
import { createAdministrator } from "~/models/accounts.server";
import { EnvError, getEnv } from "~/utils/env.server";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, etablissement: { type: "string" } } });

async function ask(question: string, hidden = false): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => process.stdout.write(s.includes(question) ? s : "");
  const answer = await rl.question(question);
  rl.close();
  if (hidden) process.stdout.write("\n");
  return answer.trim();
}

try {
  const env = getEnv();
  await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  const interactive = process.stdin.isTTY;
  const email = values.email ?? (interactive ? await ask("Adresse e-mail de l'administrateur : ") : "");
  const name = values.name ?? (interactive ? await ask("Prénom et nom : ") : "");
  const establishment = values.etablissement ?? (interactive ? await ask("Établissement : ") : "");
  const password = process.env.PIVOT_ADMIN_PASSWORD ?? (interactive ? await ask("Mot de passe (12 caractères au moins, il ne s'affiche pas) : ", true) : "");
  const result = await createAdministrator({ email, name, establishment, password });
  if (!result.ok) {
    console.error(`Administrateur non créé :\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.log(`Administrateur créé : ${result.email}. Connectez-vous sur la page de connexion du site.`);
  process.exit(0);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
