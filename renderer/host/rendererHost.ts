// What the renderer needs beyond the host contract: turning picked files into something the worker reads.
import type { DriftlineHost, PickedFile } from '../../shared/ipc/host';
import type { WireFile } from '../engine/protocol';

export interface RendererHost extends DriftlineHost {
  /** The file as the worker should receive it: a Blob where the host has one, else a chunked handle. */
  toWireFile(picked: PickedFile): WireFile;
  /**
   * Evidence that arrives without the app asking: files dropped on the window (folders expanded) or chosen
   * on the file inputs outside a pickEvidence() call. Returns an unsubscribe function.
   */
  onFilesChosen(listener: (files: PickedFile[]) => void): () => void;
}
