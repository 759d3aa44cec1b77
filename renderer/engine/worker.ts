// Engine worker entry: create the engine, hook onmessage, done.
import { Engine } from './engine';
import type { ChunkReply, EngineRequest } from './protocol';

const engine = new Engine((m) => self.postMessage(m));
self.onmessage = (e: MessageEvent<EngineRequest | ChunkReply>) => engine.onMessage(e.data);
