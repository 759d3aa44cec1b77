// Hidden <input type=file> elements, the browser's file picker. They stay in the DOM so tests can drive them
// (data-testid="file-input" for files, "folder-input" for a folder).

export interface FileInputs {
  files: HTMLInputElement;
  folder: HTMLInputElement;
  investigation: HTMLInputElement;
}

function hiddenInput(testId: string, label: string): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'file';
  input.dataset.testid = testId;
  input.setAttribute('aria-label', label);
  input.tabIndex = -1;
  input.style.display = 'none';
  document.body.appendChild(input);
  return input;
}

export function createFileInputs(): FileInputs {
  const files = hiddenInput('file-input', 'Evidence files');
  files.multiple = true;
  const folder = hiddenInput('folder-input', 'Evidence folder');
  folder.multiple = true;
  folder.setAttribute('webkitdirectory', '');
  const investigation = hiddenInput('investigation-input', 'Investigation file');
  return { files, folder, investigation };
}

/**
 * Resolves with the files chosen next on this input. Every `change` (user or test) is delivered to the
 * listener, including ones that arrive without a pending open() call, so a picker driven by a test works.
 */
export function watchInput(input: HTMLInputElement, onFiles: (files: File[]) => void): void {
  input.addEventListener('change', () => {
    const list = Array.from(input.files ?? []);
    input.value = '';
    if (list.length) onFiles(list);
  });
}
