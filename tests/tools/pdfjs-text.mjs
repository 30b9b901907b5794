// Prints the text of a PDF as pdf.js (the viewer in Firefox) extracts it for find-in-page,
// selection and copy: each page's text items in order, a line break where pdf.js sees the
// end of a line, and a form feed after each page.
//
// Usage: node pdfjs-text.mjs FILE.pdf (pdf.js notes, such as the missing canvas it needs only
// for rendering, go to standard error)
import { readFileSync } from "node:fs";

console.log = (...a) => process.stderr.write(a.join(" ") + "\n");
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
let out = "";
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  for (const item of content.items) {
    out += item.str;
    if (item.hasEOL) out += "\n";
  }
  out += "\f";
}
process.stdout.write(out);
