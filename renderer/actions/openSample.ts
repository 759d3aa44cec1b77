// Open sample: the bundled payments-scale-down incident, fetched from the app's own files.
import { fetchSample } from '../sample/sampleFiles';
import { importEvidence } from '../state/importFlow';
import type { Action } from './types';

export const openSample: Action = {
  id: 'open-sample',
  label: 'Open sample',
  async run(services) {
    try {
      const files = await fetchSample();
      await importEvidence(services, files.map((f) => ({ kind: 'blob', name: f.name, path: f.name, blob: f })));
    } catch (e) {
      services.store.set({ notice: `${(e as Error).message} Open your own evidence files instead.` });
    }
  },
};
