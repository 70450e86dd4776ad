import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LangngheError } from './errors.js';
import type { Permission, Principal, Role } from './scope.js';
import {
  ROLES,
  ROLE_PERMISSIONS,
  hasPermission,
  requirePermission,
  roleRank,
  scopeFor,
  systemScope,
} from './scope.js';

function user(
  memberships: Principal['memberships'],
  options: { isInstallAdmin?: boolean } = {},
): Principal {
  return {
    kind: 'user',
    id: 'u-lan',
    name: 'lan',
    isInstallAdmin: options.isInstallAdmin ?? false,
    memberships,
  };
}

const sorted = (permissions: ReadonlySet<Permission>): Permission[] => [...permissions].sort();

describe('role permissions', () => {
  it('gives each role exactly its rights', () => {
    const viewer: Permission[] = ['posts:read', 'sources:read', 'topics:read'];
    const analyst: Permission[] = [...viewer, 'members:read', 'topics:write'];
    const admin: Permission[] = [
      ...analyst,
      'audit:read',
      'data:erase',
      'ingest:write',
      'members:write',
      'sources:write',
      'tokens:write',
    ];
    assert.deepEqual(sorted(ROLE_PERMISSIONS.viewer), viewer.sort());
    assert.deepEqual(sorted(ROLE_PERMISSIONS.analyst), analyst.sort());
    assert.deepEqual(sorted(ROLE_PERMISSIONS.admin), admin.sort());
    assert.deepEqual(sorted(ROLE_PERMISSIONS.owner), [...admin, 'workspace:write'].sort());
  });

  it('grants pii:read with no role: it is given on its own', () => {
    for (const role of ROLES) assert.equal(ROLE_PERMISSIONS[role].has('pii:read'), false, role);
  });

  it('ranks roles from owner down, each holding every right of the ones below', () => {
    const byRank = [...ROLES].sort((a, b) => roleRank(b) - roleRank(a));
    assert.deepEqual(byRank, ['owner', 'admin', 'analyst', 'viewer']);
    for (const [i, role] of byRank.entries()) {
      const below = byRank[i + 1];
      if (below === undefined) continue;
      for (const permission of ROLE_PERMISSIONS[below])
        assert.ok(ROLE_PERMISSIONS[role].has(permission), `${role} lacks ${permission}`);
    }
  });
});

describe('scopeFor', () => {
  it("gives a member its role's rights, and pii:read only when granted", () => {
    const principal = user([
      { workspaceId: 'q7', role: 'analyst', canReadPii: false },
      { workspaceId: 'td', role: 'viewer', canReadPii: true },
    ]);
    const q7 = scopeFor(principal, 'q7');
    assert.equal(q7.role, 'analyst');
    assert.equal(q7.workspaceId, 'q7');
    assert.equal(q7.principal, principal);
    assert.deepEqual(sorted(q7.permissions), sorted(ROLE_PERMISSIONS.analyst));
    const td = scopeFor(principal, 'td');
    assert.deepEqual(sorted(td.permissions), [...ROLE_PERMISSIONS.viewer, 'pii:read'].sort());
  });

  it('refuses a workspace the principal is not a member of', () => {
    const principal = user([{ workspaceId: 'q7', role: 'owner', canReadPii: true }]);
    assert.throws(
      () => scopeFor(principal, 'td'),
      (error: unknown) => {
        assert.ok(error instanceof LangngheError);
        assert.equal(error.code, 'auth.forbidden');
        assert.match(error.message, /not a member of workspace "td"/);
        assert.deepEqual(error.details, { workspaceId: 'td' });
        return true;
      },
    );
  });

  it('lets an install admin act as owner where it is no member, without pii:read', () => {
    const admin = user([], { isInstallAdmin: true });
    const scope = scopeFor(admin, 'anywhere');
    assert.equal(scope.role, 'owner');
    assert.deepEqual(sorted(scope.permissions), sorted(ROLE_PERMISSIONS.owner));
    assert.equal(hasPermission(scope, 'pii:read'), false);
  });

  it('gives an install admin pii:read where it is granted', () => {
    const admin = user([{ workspaceId: 'q7', role: 'owner', canReadPii: true }], {
      isInstallAdmin: true,
    });
    assert.equal(hasPermission(scopeFor(admin, 'q7'), 'pii:read'), true);
    assert.equal(hasPermission(scopeFor(admin, 'td'), 'pii:read'), false);
  });

  it('scopes a token to its one workspace and role, and refuses every other workspace', () => {
    const token: Principal = {
      kind: 'token',
      id: 'u-lan',
      tokenId: 'tok_1',
      name: 'importer',
      isInstallAdmin: false,
      memberships: [{ workspaceId: 'q7', role: 'admin', canReadPii: false }],
    };
    const scope = scopeFor(token, 'q7');
    assert.equal(scope.role, 'admin');
    assert.equal(hasPermission(scope, 'ingest:write'), true);
    assert.equal(hasPermission(scope, 'workspace:write'), false);
    assert.throws(() => scopeFor(token, 'td'), { code: 'auth.forbidden' });
  });

  it('gives the system every right, pii:read included, in any workspace', () => {
    for (const workspaceId of ['default', 'q7']) {
      const scope = systemScope(workspaceId);
      assert.equal(scope.principal.kind, 'system');
      assert.equal(scope.workspaceId, workspaceId);
      assert.deepEqual(sorted(scope.permissions), [...ROLE_PERMISSIONS.owner, 'pii:read'].sort());
    }
  });
});

describe('requirePermission', () => {
  it('passes when the scope holds the permission', () => {
    const scope = scopeFor(user([{ workspaceId: 'q7', role: 'viewer', canReadPii: false }]), 'q7');
    assert.doesNotThrow(() => requirePermission(scope, 'posts:read'));
  });

  it('names the role, the permission and the workspace when refusing', () => {
    const cases: [Role, Permission][] = [
      ['viewer', 'topics:write'],
      ['analyst', 'ingest:write'],
      ['admin', 'workspace:write'],
      ['owner', 'pii:read'],
    ];
    for (const [role, permission] of cases) {
      const scope = scopeFor(user([{ workspaceId: 'q7', role, canReadPii: false }]), 'q7');
      assert.throws(
        () => requirePermission(scope, permission),
        (error: unknown) => {
          assert.ok(error instanceof LangngheError);
          assert.equal(error.code, 'auth.forbidden');
          assert.equal(
            error.message,
            `Vai trò "${role}" không có quyền ${permission} / role "${role}" lacks ${permission} in workspace "q7"`,
          );
          assert.deepEqual(error.details, { permission, workspaceId: 'q7', role });
          return true;
        },
      );
    }
  });
});
