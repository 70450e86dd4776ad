import type { IDToken, UserInfoResponse } from 'openid-client';

/**
 * Who signed in, as the provider vouches for it. `issuer` + `subject` is the stable key of an
 * external account; `email` is only as trustworthy as `emailVerified` says.
 */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  preferredUsername?: string;
}

const PROFILE_CLAIMS = ['email', 'name', 'preferred_username'] as const;

/**
 * In the code flow a provider may keep the profile claims for its userinfo endpoint
 * (OpenID Connect Core §5.4); fetch them only when the ID token carries none of them.
 */
export function needsUserInfo(claims: IDToken): boolean {
  return PROFILE_CLAIMS.every((claim) => claims[claim] === undefined);
}

/** The identity from the validated ID token; `userInfo` (same subject) fills what it lacks. */
export function identityFromClaims(claims: IDToken, userInfo?: UserInfoResponse): OidcIdentity {
  const read = (claim: string) => claims[claim] ?? userInfo?.[claim];
  const identity: OidcIdentity = { issuer: claims.iss, subject: claims.sub };
  const email = read('email');
  if (typeof email === 'string') identity.email = email;
  const emailVerified = read('email_verified');
  // Some providers (Amazon Cognito among them) send this boolean as a string.
  if (typeof emailVerified === 'boolean') identity.emailVerified = emailVerified;
  else if (emailVerified === 'true' || emailVerified === 'false') {
    identity.emailVerified = emailVerified === 'true';
  }
  const name = read('name');
  if (typeof name === 'string') identity.name = name;
  const preferredUsername = read('preferred_username');
  if (typeof preferredUsername === 'string') identity.preferredUsername = preferredUsername;
  return identity;
}
