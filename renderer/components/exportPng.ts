// The graph as PNG: the redacted SVG the engine exports, rasterised in the page. Not cy.png(): the live
// graph draws unredacted labels, and every export must go through the chosen redaction profile.

/** Canvas limits: Chromium refuses sides over 32767 px and areas over ~268M px; stay well inside. */
const MAX_SIDE = 16_000;
const MAX_AREA = 100_000_000;

/** Pixels per SVG unit: 2 (sharp on high-DPI screens and in print) unless that would exceed the canvas limits. */
export function pngScale(width: number, height: number, preferred = 2): number {
  if (!(width > 0 && height > 0)) throw new Error('The graph image has no size.');
  const side = MAX_SIDE / Math.max(width, height);
  const area = Math.sqrt(MAX_AREA / (width * height));
  return Math.min(preferred, side, area);
}

/** Width and height declared on the root <svg> element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const num = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(root)?.[1] ?? NaN);
  return { width: num('width'), height: num('height') };
}

export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { width, height } = svgSize(svg);
  const scale = pngScale(width, height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw images (no 2D canvas).');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The browser could not encode the PNG (the graph may be too large: try SVG).');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
