// A parse worker, started by the engine worker: runs line jobs (shared/importers/parallel.ts) and hands the
// Arrow batches back without copying them.
import { JobRunner } from '../../shared/importers/parallel';
import { answer, type WorkerInit, type WorkerRequest } from '../../shared/importers/sharedSlots';

const runner = new JobRunner();
let init: WorkerInit | undefined;

self.onmessage = (e: MessageEvent<WorkerInit | WorkerRequest>) => {
  if (!('id' in e.data)) {
    init = e.data;
    return;
  }
  const { message, transfer } = answer(runner, init, e.data);
  self.postMessage(message, { transfer });
};
