/**
 * Files out of the page: a Blob saved through a temporary link, charts as SVG (the
 * chart's own markup, made standalone) or PNG (that SVG drawn on a canvas at 2x), and
 * canvases (image galleries) as PNG.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** A file-name-safe version of a comparison or chart name. */
export function safeFileName(name: string): string {
  return name.trim().replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
}

/**
 * The SVG as a standalone document: namespaces, explicit size, a white background (the
 * page's background is not part of the chart) and the page's font.
 */
export function standaloneSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute('width')) || 600);
  const height = Math.round(box.height || Number(svg.getAttribute('height')) || 300);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  copy.insertBefore(background, copy.firstChild);
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    return await drawnPng(svg.width * scale, svg.height * scale, (context) => {
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, svg.width, svg.height);
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A canvas's pixels as a PNG, each pixel a `scale` x `scale` block (no smoothing): small
 * images such as a VAE's 28x28 galleries stay crisp when opened.
 */
export function canvasToPng(source: HTMLCanvasElement, scale = 1): Promise<Blob> {
  return drawnPng(source.width * scale, source.height * scale, (context) => {
    context.imageSmoothingEnabled = false;
    context.drawImage(source, 0, 0, source.width * scale, source.height * scale);
  });
}

/** A new canvas of this size, drawn by `draw`, encoded as PNG. */
function drawnPng(width: number, height: number, draw: (context: CanvasRenderingContext2D) => void): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('no 2D canvas in this browser'));
  draw(context);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
  );
}
