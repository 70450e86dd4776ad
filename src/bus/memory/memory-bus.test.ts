import { runBusContract } from '../bus-contract.js';
import { createMemoryBus } from './memory-bus.js';

runBusContract('memory', async (capacity) => createMemoryBus({ capacity }));
