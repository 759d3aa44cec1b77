// Open evidence…: the host's file picker, then import.
import { importEvidence } from '../state/importFlow';
import type { Action } from './types';

export const openEvidence: Action = {
  id: 'open-evidence',
  label: 'Open evidence…',
  shortcut: { key: 'o', mod: true, shift: false },
  async run(services) {
    const picked = await services.host.files.pickEvidence();
    await importEvidence(services, picked.map((p) => services.host.toWireFile(p)));
  },
};
