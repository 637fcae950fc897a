/* No imports: Electron's main process reads this without pulling in the minutes model. */

/**
 * Page numbers for the PDF ("3 / 12"), in the footer template Chromium and Electron's printToPDF
 * fill in (`pageNumber`, `totalPages`); a header template is required with it and left empty.
 */
export const PDF_FOOTER = {
  headerTemplate: '<div></div>',
  footerTemplate: '<div style="width:100%;font-size:8px;color:#5b6573;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
} as const;
