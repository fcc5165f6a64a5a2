// Finds Debian's Chromium (or CHROME_PATH). Tests never skip when it is missing: they fail and say how to install it.
import fs from "node:fs";

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found)
    throw new Error(
      "Chromium est introuvable : installez-le avec « apt-get install chromium » (Debian/Ubuntu, en root) ou indiquez son chemin dans la variable CHROME_PATH.",
    );
  return found;
}
