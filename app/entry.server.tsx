import { PassThrough } from "node:stream";
import crypto from "node:crypto";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { BodyLookup } from "./components/mdx-html";
import { bodyByKey } from "./content/modules.server";
import { purgeAudit } from "./models/audit.server";
import { startMailSender } from "./models/mail.server";
import { purgeSecurityData } from "./utils/session.server";
import { getEnv } from "./utils/env.server";
import { pageSecurityHeaders } from "./utils/http.server";
import { NonceContext } from "./utils/nonce";

// What scripts/server.js takes from the build: one validated configuration, one body cap, one cross-site
// rule (Remix itself would answer such an action with a 500), one log mask.
export { getEnv } from "./utils/env.server";
export { BODY_TOO_LARGE, CROSS_SITE, isCrossSite, MAX_BODY_BYTES, redactPath } from "./utils/http.server";

const ABORT_DELAY = 5_000;

// Validate the environment when the server starts, not on the first request.
getEnv();
startMailSender();
// Sign-in attempts and dead sessions are kept 90 days, the audit log a year (scripts/setup.ts purges at
// start, then once a day).
setInterval(
  () => void Promise.all([purgeSecurityData(), purgeAudit()]).catch((error: unknown) => console.error("purge des données de sécurité impossible :", error)),
  24 * 3600_000,
).unref();

/** Data requests of signed-in pages are never stored by a browser or a proxy. */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const nonce = crypto.randomBytes(16).toString("base64");
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Cleared once everything is rendered, so a finished page is not kept in memory for ABORT_DELAY.
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <BodyLookup.Provider value={bodyByKey}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </BodyLookup.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) respond();
        },
        onAllReady() {
          clearTimeout(timer);
          if (waitForAll) respond();
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    function respond() {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      for (const [name, value] of Object.entries(pageSecurityHeaders({ nonce, production: getEnv().NODE_ENV === "production" })))
        responseHeaders.set(name, value);
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    }
  });
}
