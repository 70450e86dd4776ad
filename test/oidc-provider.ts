import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';
import type { Account } from 'oidc-provider';

/** A client registered at the test provider, in its own (RFC 7591) metadata names. */
export interface TestOidcClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
  token_endpoint_auth_method: 'client_secret_basic' | 'none';
}

/** A running oidc-provider on 127.0.0.1; its dev login page accepts any login and password. */
export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

/** The claims the provider tells about a login: derived from it, so tests can predict them. */
export function testAccountClaims(login: string): Record<string, unknown> {
  return {
    sub: login,
    email: `${login}@hcm.example.gov.vn`,
    email_verified: true,
    name: `Cán bộ ${login}`,
    preferred_username: login,
  };
}

/**
 * Starts a real OpenID Connect provider with its default (dev) interactions, on an ephemeral
 * port. It keeps profile claims for the userinfo endpoint, as the spec's code flow does.
 */
export async function startOidcProvider(clients: TestOidcClient[]): Promise<TestOidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256' }] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx, sub): Promise<Account> => ({
      accountId: sub,
      claims: async () => testAccountClaims(sub),
    }),
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
