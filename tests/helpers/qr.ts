// Reads back the QR code a certificate PDF draws: its rectangles put on a grid of modules, then decoded
// with jsQR. Nothing is taken from the matrix the PDF was made from.
/** Reads a QR code from a boolean matrix (true: dark), drawn 4 pixels a module with `quiet` white modules around. */
export async function decodeQr(matrix: boolean[][], quiet: number) {
  const { default: jsQR } = await import("jsqr");
  const scale = 4;
  const side = (matrix.length + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((r + quiet) * scale + dy) * side + (c + quiet) * scale + dx) * 4;
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
        }
    }),
  );
  return jsQR(pixels, side, side)?.data ?? null;
}

/**
 * The QR code as the PDF draws it: every rectangle of the page's content stream inside the QR code's square,
 * put back on a grid of modules (quiet zone included). Nothing is taken from the matrix the PDF was made from.
 */
export async function qrDrawnIn(bytes: Uint8Array, box: { x: number; y: number; size: number; moduleSize: number }) {
  const { decodePDFRawStream, PDFArray, PDFDocument } = await import("pdf-lib");
  const pdf = await PDFDocument.load(bytes);
  const contents = pdf.getPage(0).node.Contents()!;
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
  const ops = streams.map((st) => new TextDecoder("latin1").decode(decodePDFRawStream(st as Parameters<typeof decodePDFRawStream>[0]).decode())).join("\n");
  const m = box.moduleSize;
  const n = Math.round(box.size / m);
  const grid = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  let rectangles = 0;
  for (const match of ops.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re\b/g)) {
    const [x, y, w, h] = match.slice(1, 5).map(Number) as [number, number, number, number];
    if (x < box.x - 0.01 || y < box.y - 0.01 || x + w > box.x + box.size + 0.01 || y + h > box.y + box.size + 0.01) continue;
    rectangles++;
    const row = n - 1 - Math.round((y - box.y) / m);
    const first = Math.round((x - box.x) / m);
    for (let c = first; c < first + Math.round(w / m); c++) grid[row]![c] = true;
    if (Math.round(h / m) !== 1) throw new Error(`a QR rectangle ${h} points high: one module is ${m}`);
  }
  return { grid, rectangles };
}

