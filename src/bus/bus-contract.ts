import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Bus } from './bus.js';
import { broadcastSubject, queueSubject } from './subject.js';

const POSTS = queueSubject<unknown>('posts');
const A = queueSubject<unknown>('a');
const B = queueSubject<unknown>('b');
const CHANGES = broadcastSubject<{ n: number }>('changes');

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
        POSTS,
        async (items) => {
          seen.push(...items);
        },
        { batchSize: 7 },
      );
      await bus.publish(
        POSTS,
        Array.from({ length: 50 }, (_, i) => ({ n: i })),
      );
      await bus.drain(POSTS);
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
        POSTS,
        async (items) => {
          await gate;
          handled += items.length;
        },
        { batchSize: 5 },
      );
      let isPublished = false;
      const publishing = bus
        .publish(
          POSTS,
          Array.from({ length: 30 }, (_, i) => i),
        )
        .then(() => {
          isPublished = true;
        });
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(isPublished, false, 'publish must wait while 10 items are queued');
      assert.ok(bus.depth(POSTS) <= 10, `depth ${bus.depth(POSTS)} exceeds the capacity`);
      release();
      await publishing;
      await bus.drain(POSTS);
      assert.equal(handled, 30);
      await bus.close();
    });

    it('re-delivers a batch whose handler failed (at-least-once)', async () => {
      const bus = await makeBus(100);
      let calls = 0;
      const seen: unknown[] = [];
      bus.consume(POSTS, async (items) => {
        calls++;
        if (calls === 1) throw new Error('store unavailable');
        seen.push(...items);
      });
      await bus.publish(POSTS, ['a', 'b']);
      await bus.drain(POSTS);
      assert.deepEqual(seen, ['a', 'b']);
      assert.equal(calls, 2);
      await bus.close();
    });

    it('drops and reports a batch after its last attempt, then goes on', async () => {
      const bus = await makeBus(100);
      const dropped: unknown[] = [];
      const seen: unknown[] = [];
      bus.consume(
        POSTS,
        async (items) => {
          if (items.includes('poison')) throw new Error('cannot handle');
          seen.push(...items);
        },
        { batchSize: 1, maxAttempts: 2, onDrop: (items) => dropped.push(...items) },
      );
      await bus.publish(POSTS, ['poison', 'ok']);
      await bus.drain(POSTS);
      assert.deepEqual(dropped, ['poison']);
      assert.deepEqual(seen, ['ok']);
      await bus.close();
    });

    it('keeps subjects apart', async () => {
      const bus = await makeBus(100);
      const a: unknown[] = [];
      bus.consume(A, async (items) => {
        a.push(...items);
      });
      await bus.publish(B, [1]);
      await bus.publish(A, [2]);
      await bus.drain(A);
      assert.deepEqual(a, [2]);
      assert.equal(bus.depth(B), 1);
      await bus.close();
    });

    it('hands each broadcast to every subscriber, in order, and none to one that stopped', async () => {
      const bus = await makeBus(100);
      const first: unknown[] = [];
      const second: unknown[] = [];
      bus.subscribe(CHANGES, (item) => first.push(item));
      const leaving = bus.subscribe(CHANGES, (item) => second.push(item));
      const sent = { n: 1 };
      await bus.broadcast(CHANGES, sent);
      await leaving.stop();
      await bus.broadcast(CHANGES, { n: 2 });
      const end = Date.now() + 2_000;
      while (first.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
      assert.deepEqual(first, [{ n: 1 }, { n: 2 }]);
      assert.deepEqual(second, [{ n: 1 }]);
      assert.notEqual(first[0], sent, 'subscribers get a copy');
      await bus.close();
    });

    it('refuses to publish after close', async () => {
      const bus = await makeBus(100);
      await bus.close();
      await assert.rejects(bus.publish(POSTS, [1]), { code: 'bus.closed' });
    });
  });
}
