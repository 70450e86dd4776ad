export type { Bus, ConsumeOptions, Subscription } from './bus.js';
export { createMemoryBus } from './memory/memory-bus.js';
