// Tells a pure read from everything else, so that every statement that may write takes the write path
// (db/client.ts). Conservative: a statement is a read only if it is one SELECT or EXPLAIN, or one WITH whose
// main statement is a SELECT; anything else, or anything this small reader does not follow, is a write.

/**
 * The statement's top-level tokens: words upper-cased, "()" for a whole parenthesised group, "id" for a
 * quoted identifier, "'" for a literal, other punctuation as is; comments and whitespace dropped.
 * Null when the text is not well formed (unbalanced parentheses, unterminated quote).
 */
function topLevelTokens(sql: string): string[] | null {
  const tokens: string[] = [];
  let depth = 0;
  let i = 0;
  const closing: Record<string, string> = { "'": "'", '"': '"', "`": "`", "[": "]" };
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (sql.startsWith("--", i)) {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end + 1;
    } else if (sql.startsWith("/*", i)) {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c in closing) {
      let end = i;
      for (;;) {
        end = sql.indexOf(closing[c]!, end + 1);
        if (end < 0) return null;
        if (c === "[" || sql[end + 1] !== c) break;
        end++; // a doubled quote inside the quote stands for itself ('it''s')
      }
      if (depth === 0) tokens.push(c === "'" ? "'" : "id");
      i = end + 1;
    } else if (c === "(") {
      if (depth++ === 0) tokens.push("()");
      i++;
    } else if (c === ")") {
      if (--depth < 0) return null;
      i++;
    } else if (/[\p{L}\p{N}_$]/u.test(c)) {
      let end = i + 1;
      while (end < sql.length && /[\p{L}\p{N}_$]/u.test(sql[end]!)) end++;
      if (depth === 0) tokens.push(sql.slice(i, end).toUpperCase());
      i = end;
    } else {
      if (depth === 0) tokens.push(c);
      i++;
    }
  }
  return depth === 0 ? tokens : null;
}

const isName = (token: string | undefined) => token === "id" || (token !== undefined && /^[\p{L}_$]/u.test(token));

/** The keyword that opens the main statement after `WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (…), …`. */
function mainStatementOfWith(tokens: string[]): string | undefined {
  let i = tokens[1] === "RECURSIVE" ? 2 : 1;
  for (;;) {
    if (!isName(tokens[i++])) return undefined;
    if (tokens[i] === "()") i++;
    if (tokens[i++] !== "AS") return undefined;
    if (tokens[i] === "NOT") i++;
    if (tokens[i] === "MATERIALIZED") i++;
    if (tokens[i++] !== "()") return undefined;
    if (tokens[i] !== ",") return tokens[i];
    i++;
  }
}

/** True only for a statement that cannot write: see the comment at the top of this file. */
export function isReadStatement(sql: string): boolean {
  const tokens = topLevelTokens(sql);
  if (!tokens || tokens.length === 0) return false;
  if (tokens[tokens.length - 1] === ";") tokens.pop();
  if (tokens.includes(";")) return false; // several statements
  if (tokens[0] === "SELECT" || tokens[0] === "EXPLAIN") return true;
  return tokens[0] === "WITH" && mainStatementOfWith(tokens) === "SELECT";
}
