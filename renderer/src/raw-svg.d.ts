/** Vite's `?raw` import: the file's text, used to draw the anatomy diagrams inline. */
declare module '*.svg?raw' {
  const content: string;
  export default content;
}
