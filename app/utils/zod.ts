// zod with French default messages: every schema imports z from here.
import { z } from "zod";

z.config(z.locales.fr());

export { z };
