import type { PhotoAlignment } from '../../../../shared/photos/photo-dates';

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
 * The later photo moved, scaled and rotated in its box as the overlay does it on screen (CSS
 * `translate(x%, y%) scale(s) rotate(r)` about the box's centre, the photo contained in the box),
 * and cut to the box.
 */
function drawAligned(
  ctx: CanvasRenderingContext2D,
  img: HTMLImageElement,
  box: { x: number; y: number; w: number; h: number },
  a: PhotoAlignment,
) {
  const fit = Math.min(box.w / img.naturalWidth, box.h / img.naturalHeight);
  const w = img.naturalWidth * fit;
  const h = img.naturalHeight * fit;
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.w, box.h);
  ctx.clip();
  ctx.translate(box.x + box.w / 2 + a.offsetX * box.w, box.y + box.h / 2 + a.offsetY * box.h);
  ctx.scale(a.scale, a.scale);
  ctx.rotate((a.rotation * Math.PI) / 180);
  ctx.drawImage(img, -w / 2, -h / 2, w, h);
  ctx.restore();
}

/**
 * Both photos side by side at the same height with their captions, as a PNG data URL. Drawn
 * here because the previews are already decoded in the page; the main process only writes it.
 * With a saved alignment the later photo is drawn in a box the size of the earlier one's, moved,
 * scaled and rotated as the overlay shows it, so the exported pair lines up as on screen.
 */
export async function comparisonPng(
  sides: [ComparisonSide, ComparisonSide],
  title: string,
  alignment: PhotoAlignment | null = null,
): Promise<string> {
  const images = await Promise.all(sides.map((s) => loadImage(s.src)));
  const height = Math.min(1200, Math.max(...images.map((i) => i.naturalHeight)));
  const natural = images.map((i) => Math.round((i.naturalWidth / i.naturalHeight) * height));
  const widths = alignment ? [natural[0] ?? 0, natural[0] ?? 0] : natural;
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
    if (i === 1 && alignment) drawAligned(ctx, img, { x, y: titleBar, w, h: height }, alignment);
    else ctx.drawImage(img, x, titleBar, w, height);
    ctx.fillStyle = '#1f2328';
    ctx.font = '500 24px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(sides[i]?.caption ?? '', x + w / 2, titleBar + height + captionBar / 2, w);
    ctx.textAlign = 'left';
    x += w + gap;
  });
  return canvas.toDataURL('image/png');
}
