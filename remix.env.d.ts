/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export {};

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address, from the socket or TRUST_PROXY hops back (set by scripts/server.js). */
    clientAddress?: string;
  }
}
