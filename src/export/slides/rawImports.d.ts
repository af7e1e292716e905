// `?raw` imports give a file's text (Vite's convention; build.mjs handles it with rawTextPlugin.mjs).
declare module '*?raw' {
  const text: string;
  export default text;
}
