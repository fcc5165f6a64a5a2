// The per-request CSP nonce, handed from entry.server to the inline scripts Remix renders.
import { createContext, useContext } from "react";

export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
