// zod with French default messages: every server-side schema imports z from here. Only the French
// locale is imported (z.locales would bring all of them). The browser gets none of this: schemas parsed
// by actions and loaders live in .server modules, and the one schema the browser runs (the quiz form's)
// is written with zod/mini in app/domain/quiz-submission.ts.
import * as z from "zod";
import fr from "zod/v4/locales/fr.js";

z.config(fr());

export { z };
