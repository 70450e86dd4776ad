import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Bus } from './bus.js';

/**
 * The behaviour every `Bus` implementation must show. `makeBus(capacity)` returns a fresh bus
 * whose subjects are empty; each implementation's test file calls this once.
 */
export function runBusContract(name: string, makeBus: (capacity: number) => Promise<Bus>): void {
  describe(`Bus contract: ${name}`, () => {
    it('hands every published item to the consumer in order', async () => {
      const bus = await makeBus(100);
      const seen: unknown[] = [];
      bus.consume(
        'posts',
        async (items) => {
          seen.push(...items);
        },
        { batchSize: 7 },
      );
      await bus.publish(
        'posts',
        Array.from({ length: 50 }, (_, i) => ({ n: i })),
      );
      await bus.drain('posts');
      assert.deepEqual(
        seen,
        Array.from({ length: 50 }, (_, i) => ({ n: i })),
      );
      await bus.close();
    });

    it('makes publish wait while the queue is full (back-pressure)', async () => {
      const bus = await makeBus(10);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let handled = 0;
      bus.consume(
        'posts',
        async (items) => {
          await gate;
          handled += items.length;
        },
        { batchSize: 5 },
      );
      let isPublished = false;
      const publishing = bus
        .publish(
          'posts',
          Array.from({ length: 30 }, (_, i) => i),
        )
        .then(() => {
          isPublished = true;
        });
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(isPublished, false, 'publish must wait while 10 items are queued');
      assert.ok(bus.depth('posts') <= 10, `depth ${bus.depth('posts')} exceeds the capacity`);
      release();
      await publishing;
      await bus.drain('posts');
      assert.equal(handled, 30);
      await bus.close();
    });

    it('re-delivers a batch whose handler failed (at-least-once)', async () => {
      const bus = await makeBus(100);
      let calls = 0;
      const seen: unknown[] = [];
      bus.consume('posts', async (items) => {
        calls++;
        if (calls === 1) throw new Error('store unavailable');
        seen.push(...items);
      });
      await bus.publish('posts', ['a', 'b']);
      await bus.drain('posts');
      assert.deepEqual(seen, ['a', 'b']);
      assert.equal(calls, 2);
      await bus.close();
    });

    it('drops and reports a batch after its last attempt, then goes on', async () => {
      const bus = await makeBus(100);
      const dropped: unknown[] = [];
      const seen: unknown[] = [];
      bus.consume(
        'posts',
        async (items) => {
          if (items.includes('poison')) throw new Error('cannot handle');
          seen.push(...items);
        },
        { batchSize: 1, maxAttempts: 2, onDrop: (items) => dropped.push(...items) },
      );
      await bus.publish('posts', ['poison', 'ok']);
      await bus.drain('posts');
      assert.deepEqual(dropped, ['poison']);
      assert.deepEqual(seen, ['ok']);
      await bus.close();
    });

    it('keeps subjects apart', async () => {
      const bus = await makeBus(100);
      const a: unknown[] = [];
      bus.consume('a', async (items) => {
        a.push(...items);
      });
      await bus.publish('b', [1]);
      await bus.publish('a', [2]);
      await bus.drain('a');
      assert.deepEqual(a, [2]);
      assert.equal(bus.depth('b'), 1);
      await bus.close();
    });

    it('refuses to publish after close', async () => {
      const bus = await makeBus(100);
      await bus.close();
      await assert.rejects(bus.publish('posts', [1]), { code: 'bus.closed' });
    });
  });
}
