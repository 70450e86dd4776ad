import type { MetricFamily } from './prometheus.js';

/** Counts HTTP responses by method, route pattern and status (bounded label values). */
export interface HttpMetrics {
  /** `route` is the route pattern (`/api/topics/:id`), never the raw URL. */
  record(method: string, route: string | undefined, status: number): void;
  families(): MetricFamily[];
}

export function createHttpMetrics(): HttpMetrics {
  const counts = new Map<string, { method: string; route: string; status: string; n: number }>();
  return {
    record(method, route, status) {
      const labels = { method, route: route ?? 'unmatched', status: String(status) };
      const key = `${labels.method} ${labels.route} ${labels.status}`;
      const entry = counts.get(key);
      if (entry) entry.n++;
      else counts.set(key, { ...labels, n: 1 });
    },
    families() {
      const samples = [...counts.values()].map(({ n, ...labels }) => ({ labels, value: n }));
      return [
        {
          name: 'langnghe_http_requests_total',
          help: 'HTTP requests answered, by method, route pattern and status.',
          type: 'counter',
          samples,
        },
      ];
    },
  };
}
