import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldText, isPlainText } from '../nlp/fold.js';
import { createRng } from './rng.js';
import { compileTemplate, renderTemplate, stripMarks, toTeencode } from './style.js';

describe('stripMarks', () => {
  it('removes tone and vowel marks and đ but keeps case', () => {
    assert.equal(stripMarks('Ngập nước Đường Nguyễn Hữu Cảnh'), 'Ngap nuoc Duong Nguyen Huu Canh');
    assert.equal(stripMarks('ĐẶNG VĂN BI, Thủ Đức'), 'DANG VAN BI, Thu Duc');
  });

  it('leaves ASCII, emoji and other scripts alone', () => {
    assert.equal(stripMarks('ok 😡 #ketxe https://tuoitre.vn'), 'ok 😡 #ketxe https://tuoitre.vn');
    assert.equal(stripMarks('日本 ελληνικά'), '日本 ελληνικα');
  });

  it('agrees with the project fold and makes text plain', () => {
    const samples = ['Triều cường dâng cao ở phường Tân Mỹ', 'Quá trời ơiiii, kẹt xe cầu Sài Gòn'];
    for (const s of samples) {
      const stripped = stripMarks(s);
      assert.ok(isPlainText(stripped));
      assert.equal(foldText(stripped), foldText(s));
    }
  });
});

describe('toTeencode', () => {
  it('abbreviates known words at word boundaries only', () => {
    const rng = createRng(1);
    const out = toTeencode('Mọi người ơi không biết được gì luôn', rng, 1);
    assert.notEqual(out, 'Mọi người ơi không biết được gì luôn');
    assert.ok(!/không|được/.test(out), out);
    assert.equal(toTeencode('Hàng Xanh, Tân Định', createRng(2), 1), 'Hàng Xanh, Tân Định');
  });

  it('keeps a capital at the start of a sentence', () => {
    const out = toTeencode('Không sao', createRng(4), 1);
    assert.match(out, /^[A-ZĐ]/u);
  });
});

describe('compileTemplate', () => {
  it('splits slots and renders them in order', () => {
    const t = compileTemplate('Ngập ở {street}, {q} rồi {x}');
    assert.deepEqual(t.slots, ['street', 'q', 'x']);
    const seen: string[] = [];
    const out = renderTemplate(t, (slot) => {
      seen.push(slot);
      return slot.toUpperCase();
    });
    assert.equal(out, 'Ngập ở STREET, Q rồi X');
    assert.deepEqual(seen, ['street', 'q', 'x']);
  });

  it('treats a template without slots as a literal', () => {
    const t = compileTemplate('Không có gì {} ở đây');
    assert.deepEqual(t.slots, []);
    assert.equal(
      renderTemplate(t, () => 'x'),
      'Không có gì {} ở đây',
    );
  });
});
