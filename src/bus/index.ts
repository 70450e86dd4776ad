export type { Bus, ConsumeOptions, Subscription } from './bus.js';
export { createMemoryBus } from './memory/memory-bus.js';
export type { Subject } from './subject.js';
export { broadcastSubject, queueSubject } from './subject.js';
