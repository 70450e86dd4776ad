/** Throughput of sentiment + toxicity together, measured in CPU time so other load counts less. */
import { classifySentiment } from '../src/nlp/models/classify-sentiment.js';
import { classifyToxicity } from '../src/nlp/models/classify-toxicity.js';

function cpuSeconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/**
 * Posts per CPU second for classifySentiment + classifyToxicity on each text, the best of
 * `rounds` passes after two warm-up passes (the JIT needs them).
 */
export function measureThroughput(texts: readonly string[], rounds = 5): number {
  const pass = (): void => {
    for (const text of texts) {
      classifySentiment(text);
      classifyToxicity(text);
    }
  };
  pass();
  pass();
  let best = 0;
  for (let r = 0; r < rounds; r++) best = Math.max(best, texts.length / cpuSeconds(pass));
  return best;
}
