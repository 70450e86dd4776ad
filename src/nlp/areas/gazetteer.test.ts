import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import gazetteer from './gazetteer.json' with { type: 'json' };

const root = join(import.meta.dirname, '..', '..', '..');
const sharedData = join(root, '..', 'shared', 'data');
const committed = join(import.meta.dirname, 'gazetteer.json');

describe('gazetteer.json', () => {
  it("holds HCMC's 168 current units: 113 wards, 54 communes, 1 special zone", () => {
    assert.equal(gazetteer.units.length, 168);
    const ofType = (type: string) => gazetteer.units.filter((u) => u.type === type);
    assert.equal(ofType('ward').length, 113);
    assert.equal(ofType('commune').length, 54);
    assert.deepEqual(
      ofType('special_zone').map((u) => u.name),
      ['Côn Đảo'],
    );
  });

  it('holds the 34 provinces and the 22 former HCMC districts with their 273 wards', () => {
    assert.equal(gazetteer.provinces.length, 34);
    const hcmc = gazetteer.formerDistricts.filter((d) => d.province === '79' && !('era' in d));
    assert.equal(hcmc.length, 22);
    const codes = new Set(hcmc.map((d) => d.code));
    assert.equal(gazetteer.formerWards.filter((w) => codes.has(w.district)).length, 273);
  });

  it('maps every former ward to current HCMC units that exist', () => {
    const current = new Set(gazetteer.units.map((u) => u.code));
    for (const ward of gazetteer.formerWards) {
      assert.ok(ward.to.length > 0, ward.code);
      for (const code of ward.to) assert.ok(current.has(code), `${ward.code} → ${code}`);
    }
  });

  it('gives every current unit the former district its area came from', () => {
    for (const unit of gazetteer.units) assert.ok(unit.districts.length > 0, unit.code);
  });

  it('maps the former Quận 7 to Tân Hưng, Tân Thuận, Phú Thuận and Tân Mỹ', () => {
    const q7 = gazetteer.formerDistricts.find((d) => d.code === '778')!;
    const names = q7.wards.map((code) => gazetteer.units.find((u) => u.code === code)!.name);
    assert.deepEqual(names.sort(), ['Phú Thuận', 'Tân Hưng', 'Tân Mỹ', 'Tân Thuận']);
  });

  it('records its provenance and stays small', () => {
    assert.equal(gazetteer.provenance.licence, 'MIT');
    assert.match(gazetteer.provenance.generated, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(readFileSync(committed).length < 200_000);
  });

  it('is what the build script derives from the shared data', (t) => {
    if (!existsSync(join(sharedData, 'gazetteer'))) {
      t.skip('../shared/data/gazetteer is not here');
      return;
    }
    const out = join(tmpdir(), `gazetteer-${process.pid}.json`);
    const date = gazetteer.provenance.generated;
    try {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/build-gazetteer.ts', '--date', date, '--out', out],
        { cwd: root, stdio: 'pipe' },
      );
      assert.equal(readFileSync(out, 'utf8'), readFileSync(committed, 'utf8'));
    } finally {
      rmSync(out, { force: true });
    }
  });
});
