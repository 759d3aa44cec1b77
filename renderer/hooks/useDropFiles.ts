// Files and folders dropped anywhere on the window, and files chosen on the host's inputs, become an import.
import { useEffect, useState } from 'react';
import { listenForDrops } from '../host/dropFiles';
import { importEvidence } from '../state/importFlow';
import { useServices } from '../state/context';

export function useDropFiles(): boolean {
  const services = useServices();
  const [over, setOver] = useState(false);
  useEffect(() => {
    const offDrop = listenForDrops(
      (files) => void importEvidence(services, files.map(({ file, path }) => ({ kind: 'blob', name: file.name, path, blob: file }))),
      setOver,
    );
    const offChosen = services.host.onFilesChosen((picked) => void importEvidence(services, picked.map((p) => services.host.toWireFile(p))));
    return () => {
      offDrop();
      offChosen();
    };
  }, [services]);
  return over;
}
