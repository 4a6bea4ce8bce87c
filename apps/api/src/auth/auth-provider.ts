import type { AuthUser } from './auth-user';

export interface PasswordCredentials {
  organisation: string;
  username: string;
  password: string;
}

/**
 * The port through which a person proves who they are. The local implementation checks an
 * argon2 hash in the users table; an OIDC implementation would verify the provider's ID token
 * and map its subject to a user of the organisation. Whatever proves identity, the API then
 * issues its own short-lived access token, so guards and services never know which it was.
 * Refuses with UNAUTHENTICATED, never saying whether the organisation, the user or the
 * password was wrong.
 */
export abstract class AuthProvider {
  abstract readonly kind: string;
  abstract authenticate(credentials: PasswordCredentials): Promise<AuthUser>;
}
