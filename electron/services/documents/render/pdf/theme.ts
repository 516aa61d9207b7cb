/** One place for the look of every document, so consent, aftercare and summary match. */
export const fonts = { regular: 'regular', bold: 'bold' } as const;

export const colors = {
  text: '#1f2328',
  muted: '#5b636e',
  rule: '#b8bec6',
  boxFill: '#f2f4f7',
  caution: '#8a5a00',
  danger: '#a4161a',
  dangerFill: '#fdecec',
} as const;

export const sizes = {
  title: 15,
  heading: 10.5,
  body: 9.5,
  small: 8.5,
  footer: 7.5,
} as const;

/** Points. The header band is drawn on every page after layout, inside the top margin. */
export const frame = {
  side: 44,
  headerTop: 28,
  headerHeight: 50,
  contentTop: 94,
  bottom: 50,
  footerFromBottom: 30,
} as const;
