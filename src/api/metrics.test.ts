import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness } from '../../test/api-harness.js';
import { renderPrometheus } from './prometheus.js';

const SAMPLE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|NaN|[+-]Inf)$/;

/** Checks the text exposition format: HELP and TYPE before each family's samples. */
function parseExposition(text: string): Map<string, { type: string; samples: string[] }> {
  const families = new Map<string, { type: string; samples: string[] }>();
  assert.ok(text.endsWith('\n'), 'ends with a newline');
  for (const line of text.slice(0, -1).split('\n')) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$/.exec(line);
    const type =
      /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (help) continue;
    if (type) {
      families.set(type[1]!, { type: type[2]!, samples: [] });
      continue;
    }
    const sample = SAMPLE.exec(line);
    assert.ok(sample, `not a sample line: ${JSON.stringify(line)}`);
    const family = families.get(sample[1]!);
    assert.ok(family, `sample before its TYPE line: ${line}`);
    family.samples.push(line);
  }
  return families;
}

describe('GET /metrics', () => {
  it('exposes pipeline, HTTP and process metrics in the Prometheus text format', async () => {
    const h = await openApiHarness({ busCapacity: 64, config: { maxStreams: 1 } });
    const viewer = h.members.default.viewer;
    await h.app.ingest(h.system('default'), [
      { id: '1', platform: 'news', text: 'ngập', publishedAt: '2026-01-01T00:00:00Z' },
    ]);
    await viewer.request({ url: '/api/topics/abc' });
    await viewer.request({ url: '/no/such/route' });

    const res = await viewer.request({ url: '/metrics' });
    assert.equal(res.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
    const families = parseExposition(res.body);
    const expected = {
      langnghe_posts_ingested_total: 'counter',
      langnghe_posts_stored_total: 'counter',
      langnghe_posts_updated_total: 'counter',
      langnghe_matches_total: 'counter',
      langnghe_item_errors_total: 'counter',
      langnghe_batch_errors_total: 'counter',
      langnghe_queue_depth: 'gauge',
      langnghe_queue_capacity: 'gauge',
      langnghe_pipeline_lag_seconds: 'gauge',
      langnghe_http_requests_total: 'counter',
      process_resident_memory_bytes: 'gauge',
    };
    for (const [name, type] of Object.entries(expected)) {
      assert.equal(families.get(name)?.type, type, name);
    }
    assert.deepEqual(families.get('langnghe_posts_stored_total')?.samples, [
      'langnghe_posts_stored_total 1',
    ]);
    assert.deepEqual(families.get('langnghe_queue_capacity')?.samples, [
      'langnghe_queue_capacity 64',
    ]);
    const http = families.get('langnghe_http_requests_total')!.samples;
    assert.ok(
      http.includes(
        'langnghe_http_requests_total{method="GET",route="/api/topics/:id",status="404"} 1',
      ),
      http.join('\n'),
    );
    assert.ok(
      http.includes('langnghe_http_requests_total{method="GET",route="unmatched",status="404"} 1'),
    );
    await h.close();
  });

  it('is for signed-in callers only', async () => {
    const h = await openApiHarness();
    const res = await h.anonymous.request({ url: '/metrics' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'auth.required');
    await h.close();
  });
});

describe('renderPrometheus', () => {
  it('escapes label values and help text', () => {
    const text = renderPrometheus([
      {
        name: 'x_total',
        help: 'a\\b\nc',
        type: 'counter',
        samples: [{ labels: { route: 'a"b\\c\nd' }, value: 2 }, { value: Infinity }],
      },
    ]);
    assert.equal(
      text,
      '# HELP x_total a\\\\b\\nc\n# TYPE x_total counter\nx_total{route="a\\"b\\\\c\\nd"} 2\nx_total +Inf\n',
    );
    parseExposition(text);
  });
});
