// The bundled sample investigation: its files are emitted as assets and fetched from the app's own origin.
const urls = import.meta.glob('../../assets/samples/payments-scale-down/*.{jsonl,json,log,txt}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const SAMPLE_NAME = 'payments-scale-down';

export interface SampleFile {
  name: string;
  url: string;
}

export const sampleFiles: SampleFile[] = Object.entries(urls)
  .map(([key, url]) => ({ name: key.split('/').pop() as string, url }))
  .sort((a, b) => a.name.localeCompare(b.name));

export async function fetchSample(): Promise<File[]> {
  if (!sampleFiles.length) throw new Error('This build carries no sample investigation.');
  return Promise.all(
    sampleFiles.map(async (f) => {
      const res = await fetch(f.url);
      if (!res.ok) throw new Error(`Could not read the sample file ${f.name} (${res.status}).`);
      return new File([await res.blob()], f.name);
    }),
  );
}
