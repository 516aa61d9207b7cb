import type { TreatmentArea } from '../../../../shared/sessions/treatment-terms';
import { treatmentAreas } from '../../../../shared/sessions/treatment-terms';

/** One drawable element of a diagram, reduced to the geometry React needs to draw it. */
export interface Shape {
  tag: 'path' | 'ellipse' | 'circle' | 'rect';
  attrs: Record<string, string>;
  /** Not drawn: widens where a thin region answers a click (`data-hit` in the artwork). */
  hit?: boolean;
}

export interface Diagram {
  viewBox: string;
  outline: Shape[];
  regions: { area: TreatmentArea; shapes: Shape[] }[];
}

const tags = new Set<Shape['tag']>(['path', 'ellipse', 'circle', 'rect']);
const geometry = ['d', 'cx', 'cy', 'rx', 'ry', 'r', 'x', 'y', 'width', 'height'];

function shapeOf(el: Element): Shape | null {
  const tag = el.tagName.toLowerCase() as Shape['tag'];
  if (!tags.has(tag)) return null;
  const attrs: Record<string, string> = {};
  for (const name of geometry) {
    const value = el.getAttribute(name);
    if (value !== null) attrs[name] = value;
  }
  return el.getAttribute('data-hit') === 'true' ? { tag, attrs, hit: true } : { tag, attrs };
}

/** The element itself when it is a shape, else every shape inside it. */
function shapesIn(root: Element): Shape[] {
  const own = shapeOf(root);
  if (own) return [own];
  return Array.from(root.querySelectorAll('*'))
    .map(shapeOf)
    .filter((s): s is Shape => s !== null);
}

/**
 * Reads a diagram from the SVG the clinic's artwork lives in. Only geometry is taken: the file
 * never brings scripts, styles or links into the page, and React owns focus and selection.
 */
export function parseDiagram(svgText: string): Diagram {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const svg = doc.documentElement;
  const outline = doc.getElementById('outline');
  const regions = Array.from(doc.querySelectorAll('#regions > [data-area]'));
  return {
    viewBox: svg.getAttribute('viewBox') ?? '0 0 300 400',
    outline: outline ? shapesIn(outline) : [],
    regions: regions
      .map((el) => ({
        area: el.getAttribute('data-area') as TreatmentArea,
        shapes: shapesIn(el),
      }))
      .filter((r) => (treatmentAreas as readonly string[]).includes(r.area)),
  };
}
