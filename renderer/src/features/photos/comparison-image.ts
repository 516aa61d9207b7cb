/** Loads a data URL into an image element the canvas can draw. */
function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image could not be decoded'));
    img.src = src;
  });
}

export interface ComparisonSide {
  src: string;
  caption: string;
}

/**
 * Both photos side by side at the same height with their captions, as a PNG data URL. Drawn
 * here because the previews are already decoded in the page; the main process only writes it.
 */
export async function comparisonPng(
  sides: [ComparisonSide, ComparisonSide],
  title: string,
): Promise<string> {
  const images = await Promise.all(sides.map((s) => loadImage(s.src)));
  const height = Math.min(1200, Math.max(...images.map((i) => i.naturalHeight)));
  const widths = images.map((i) => Math.round((i.naturalWidth / i.naturalHeight) * height));
  const gap = 24;
  const pad = 24;
  const titleBar = 56;
  const captionBar = 60;
  const canvas = document.createElement('canvas');
  canvas.width = widths.reduce((a, b) => a + b, 0) + gap + 2 * pad;
  canvas.height = titleBar + height + captionBar + pad;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1f2328';
  ctx.font = '600 26px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText(title, pad, titleBar / 2 + 4);
  let x = pad;
  images.forEach((img, i) => {
    const w = widths[i] ?? 0;
    ctx.drawImage(img, x, titleBar, w, height);
    ctx.fillStyle = '#1f2328';
    ctx.font = '500 24px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(sides[i]?.caption ?? '', x + w / 2, titleBar + height + captionBar / 2, w);
    ctx.textAlign = 'left';
    x += w + gap;
  });
  return canvas.toDataURL('image/png');
}
