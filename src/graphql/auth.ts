import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorCode } from '../domain';

/** Who is calling: a curator named by the subject of their token. */
export interface Curator {
  readonly subject: string;
}

/** What a request's context knows about writes. */
export interface Access {
  /** Writes are on only when curator tokens are configured. */
  readonly writesEnabled: boolean;
  /** The caller, when the request carried a valid `Authorization: Bearer <token>`. */
  readonly curator: Curator | null;
  /** Whether an Authorization header came at all (for the error message). */
  readonly presented: boolean;
}

export const READ_ONLY: Access = { writesEnabled: false, curator: null, presented: false };

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Turns an Authorization header into an Access. Tokens are compared as SHA-256 digests (equal
 * length) with `timingSafeEqual`, against every configured token without stopping early, so the
 * time taken says nothing about which bytes matched.
 */
export function createAuthenticator(tokens: ReadonlyMap<string, string>): (authorization: string | undefined) => Access {
  const known = [...tokens].map(([subject, token]) => ({ subject, digest: digest(token) }));
  const writesEnabled = known.length > 0;
  return (authorization) => {
    const presented = typeof authorization === 'string' && authorization.trim() !== '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!writesEnabled || !match) return { writesEnabled, curator: null, presented };
    const offered = digest(match[1]);
    let subject: string | null = null;
    for (const entry of known) if (timingSafeEqual(offered, entry.digest) && subject === null) subject = entry.subject;
    return { writesEnabled, curator: subject === null ? null : { subject }, presented };
  };
}

/**
 * The curator making a write, or why there is none: FORBIDDEN when this server takes no writes
 * (no CURATOR_TOKENS), UNAUTHENTICATED when the token is missing or unknown.
 */
export function requireCurator(access: Access): Curator {
  if (!access.writesEnabled) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'writes are off on this server: curation needs CURATOR_TOKENS to be configured');
  }
  if (!access.curator) {
    throw new DomainError(
      ErrorCode.UNAUTHENTICATED,
      `expected an Authorization header "Bearer <curator token>", received ${access.presented ? 'a token this server does not know' : 'none'}`,
    );
  }
  return access.curator;
}
