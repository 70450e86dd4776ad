import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEntry } from '../store/index.js';
import { auditCsv, csvCell } from './audit-csv.js';

describe('audit CSV', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil")'), `"'=HYPERLINK(""http://evil"")"`);
    for (const lead of ['+', '-', '@', '\t', '\r']) assert.match(csvCell(`${lead}1`), /^"'/);
    assert.equal(csvCell('Nguyễn Văn A'), '"Nguyễn Văn A"');
    assert.equal(csvCell(undefined), '""');
    assert.equal(csvCell({ a: 1 }), '"{""a"":1}"');
  });

  it('writes a header and one CRLF row per entry', () => {
    const entry: AuditEntry = {
      seq: 7,
      at: '2026-12-03T01:00:00.000Z',
      actor: { kind: 'anonymous', id: '=cmd|calc' },
      action: 'auth.login_failed',
      details: { reason: 'password' },
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    };
    const lines = auditCsv([entry]).split('\r\n');
    assert.equal(
      lines[0],
      'seq,at,actor_kind,actor_id,actor_name,workspace,action,target,address,details,hash',
    );
    assert.ok(lines[1]!.includes(`"'=cmd|calc"`));
    assert.equal(lines[2], '');
  });
});
