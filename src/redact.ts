/**
 * Secrets never leave the process: the one place that masks credentials in text bound for a log
 * line, an error message, `/readyz` or a startup message. Imports nothing in src, so config, the
 * stores, the server and the CLIs can all use it.
 */

/** What a masked secret is replaced with. */
export const REDACTED = '***';

/**
 * `scheme://user:password@host…`: the userinfo part, wherever it appears in a text; greedy up to
 * the last `@` of the authority, so a password with an unescaped `@` is masked whole.
 */
const URI_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#"'<>]*)@/gi;

/**
 * A URI without its credentials: `bolt://neo4j:pw@host:7687` → `bolt://neo4j:***@host:7687`
 * (the user name is kept, it helps to tell servers apart; the password never is). A text that is
 * not a URI is returned unchanged.
 */
export function redactUri(uri: string): string {
  return uri.replace(URI_USERINFO, (_match, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return colon === -1 ? `${scheme}${REDACTED}@` : `${scheme}${userinfo.slice(0, colon)}:${REDACTED}@`;
  });
}

/**
 * `text` with every occurrence of each secret (passwords, tokens) replaced by `***`, and the
 * password of any URI in it masked as `redactUri` does. Empty secrets are ignored; longer
 * secrets are masked first, so a secret that contains another is masked whole.
 */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = redactUri(text);
  const sorted = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    // JSON log lines escape quotes and backslashes inside strings: mask the escaped form too.
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret && out.includes(escaped)) out = out.split(escaped).join(REDACTED);
  }
  return out;
}

/** The password in a URI's userinfo (`bolt://user:password@host`), decoded, or undefined. */
export function uriPassword(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return url.password ? decodeURIComponent(url.password) : undefined;
  } catch {
    return undefined;
  }
}
