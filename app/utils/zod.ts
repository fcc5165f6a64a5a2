// zod with French default messages: every schema imports z from here.
import { z } from "zod";

z.config(z.locales.fr());
// In the browser, no compiled fast path: it needs `new Function`, which the Content-Security-Policy forbids
// (no 'unsafe-eval'); even zod's probe for it would be reported as a violation.
if (typeof document !== "undefined") z.config({ jitless: true });

export { z };
