import { fontDataUrl, PRINT_FONT_FILES, printFontCss } from '../../shared/minutes/print-font';

/*
 * The minutes' print font (Inter, resources/fonts) in the app: the bundler gives each file a URL
 * of the app's own, which the preview (same origin, allowed by the content policy) loads; the web
 * app's print view gets the files' bytes as data: URLs, so the PDF a browser prints embeds Inter.
 */

const urls = import.meta.glob<string>('../../resources/fonts/*.woff2', { query: '?url', import: 'default', eager: true });
const urlOf = (name: string) => Object.entries(urls).find(([path]) => path.endsWith(`/${name}`))?.[1];

const files = PRINT_FONT_FILES.flatMap((file) => {
  const url = urlOf(file.name);
  return url ? [{ file, url }] : [];
});

/** @font-face rules for the preview: the app's own font files. */
export const previewFontCss = printFontCss(files);

let embedded: Promise<string> | undefined;

/** @font-face rules with the fonts inside, for the HTML a browser prints to PDF (read once). */
export function embeddedFontCss(): Promise<string> {
  embedded ??= Promise.all(
    files.map(async ({ file, url }) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${file.name}: ${response.status}`);
      return { file, url: fontDataUrl(new Uint8Array(await response.arrayBuffer())) };
    }),
  )
    .then(printFontCss)
    .catch((error: unknown) => {
      // Printed in the fallback font rather than not at all; tried again next time.
      embedded = undefined;
      console.warn('minutes: print font not embedded', error);
      return '';
    });
  return embedded;
}
