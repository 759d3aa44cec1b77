// Drag and drop anywhere on the window, folders included (webkitGetAsEntry walks them).

async function readEntry(entry: FileSystemEntry, prefix: string, out: { file: File; path: string }[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
    out.push({ file, path: prefix + file.name });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out at most ~100 entries per call; keep calling until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
    if (!batch.length) break;
    for (const child of batch) await readEntry(child, `${prefix}${entry.name}/`, out);
  }
}

/** Files carried by a drop event, folders expanded, with the relative path each had in the drop. */
export async function filesFromDrop(dt: DataTransfer): Promise<{ file: File; path: string }[]> {
  const out: { file: File; path: string }[] = [];
  // Entries must be taken synchronously, before the first await, or the browser clears the items.
  const entries = Array.from(dt.items ?? [])
    .filter((i) => i.kind === 'file')
    .map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  if (!entries.length) return Array.from(dt.files).map((file) => ({ file, path: file.name }));
  for (const { entry, file } of entries) {
    if (entry) await readEntry(entry, '', out);
    else if (file) out.push({ file, path: file.name });
  }
  return out;
}

/** Accepts drops on the whole window; `onDragState` drives the drop-zone highlight. */
export function listenForDrops(onFiles: (files: { file: File; path: string }[]) => void, onDragState: (over: boolean) => void): () => void {
  let depth = 0;
  const enter = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    depth++;
    onDragState(true);
  };
  const leave = () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) onDragState(false);
  };
  const over = (e: DragEvent) => e.preventDefault();
  const drop = (e: DragEvent) => {
    e.preventDefault();
    depth = 0;
    onDragState(false);
    if (e.dataTransfer) void filesFromDrop(e.dataTransfer).then((f) => f.length && onFiles(f));
  };
  window.addEventListener('dragenter', enter);
  window.addEventListener('dragleave', leave);
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragenter', enter);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}
