/**
 * A small layout layer over pdfkit for court reports: headings, paragraphs of verbatim text in
 * any script (see fonts.ts), key/value blocks, tables that repeat their header across pages, SVG
 * charts, and "page N of M" footers.
 *
 * Reproducible: the document's CreationDate, ModDate and file ID come from the caller (derived from
 * the report's inputs), font subset tags are fixed by pdfkit, so the same inputs give the same bytes.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { VERSION } from '../version.js';
import { reportFonts, textRuns, drawnText, emojiName, type FontRole } from './fonts.js';

export interface PdfMeta {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly keywords?: string;
  /** Recorded as CreationDate and ModDate: derive it from the inputs, never the clock. */
  readonly date: Date;
  /** Printed in every page's footer before "page N of M". */
  readonly footer: string;
}

export interface Column {
  readonly header: string;
  /** Share of the content width (the shares are normalised). */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

const BODY = 9;
const GREY = '#555555';
const RULE = '#bbbbbb';

export class PdfReport {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  /** Page count, once `finish` has run. */
  pages = 0;

  constructor(private readonly meta: PdfMeta) {
    const fonts = reportFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 50, bottom: 55, left: 50, right: 50 },
      bufferPages: true,
      compress: true,
      autoFirstPage: true,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Author: meta.author,
        Keywords: meta.keywords ?? '',
        Creator: `Scrutineer ${VERSION}`,
        Producer: `Scrutineer ${VERSION} (pdfkit)`,
        CreationDate: meta.date,
        ModDate: meta.date,
      },
    });
    for (const [role, file] of fonts.files) this.doc.registerFont(role, file);
    this.doc.font('regular').fontSize(BODY);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  pageBreak(): void {
    this.doc.addPage();
  }

  heading(text: string, level: 1 | 2 | 3 = 1): void {
    const size = level === 1 ? 16 : level === 2 ? 12.5 : 10.5;
    this.ensure(level === 1 ? size * 3 : 70);
    if (level > 1) this.doc.moveDown(0.6);
    this.rich(text, { bold: true, size });
    this.doc.moveDown(level === 1 ? 0.5 : 0.25);
  }

  paragraph(text: string, o: { bold?: boolean; size?: number; color?: string; indent?: number } = {}): void {
    this.rich(text, o);
    this.doc.moveDown(0.3);
  }

  /** Text in any script at the current position, wrapped to the width (minus `indent`). */
  rich(
    text: string,
    o: {
      bold?: boolean;
      size?: number;
      color?: string;
      indent?: number;
      x?: number;
      y?: number;
      width?: number;
      align?: 'left' | 'right' | 'center';
    } = {},
  ): void {
    const doc = this.doc;
    const size = o.size ?? BODY;
    const runs = textRuns(text, o.bold);
    const x = o.x ?? this.left + (o.indent ?? 0);
    const width = o.width ?? this.width - (o.indent ?? 0);
    const y = o.y ?? doc.y;
    doc.fillColor(o.color ?? 'black').fontSize(size);
    if (runs.length === 0) {
      doc.font('regular').text(' ', x, y, { width, lineGap: 1 });
      return;
    }
    runs.forEach((r, i) => {
      doc.font(r.font);
      const opts: PDFKit.Mixins.TextOptions = {
        continued: i < runs.length - 1,
        lineGap: 1,
        ...(o.align ? { align: o.align } : {}),
      };
      if (i === 0) doc.text(r.text, x, y, { ...opts, width });
      else doc.text(r.text, opts);
    });
    doc.fillColor('black').font('regular');
  }

  /** Height `text` takes at this width and size (measured in the base font). */
  measure(text: string, width: number, size = BODY, bold = false): number {
    this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
    const h = this.doc.heightOfString(drawnText(text) || ' ', { width, lineGap: 1 });
    return h;
  }

  keyValues(rows: readonly (readonly [string, string])[], keyWidth = 120): void {
    for (const [k, v] of rows) {
      const h = Math.max(this.measure(v, this.width - keyWidth), this.measure(k, keyWidth - 6, BODY, true));
      this.ensure(h + 2);
      const y = this.doc.y;
      this.rich(k, { bold: true, x: this.left, y, width: keyWidth - 6, color: GREY });
      this.rich(v, { x: this.left + keyWidth, y, width: this.width - keyWidth });
      this.doc.y = y + h + 2;
    }
    this.doc.x = this.left;
    this.doc.moveDown(0.3);
  }

  /** A table with a bold header row, repeated on every page it spans. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], o: { size?: number } = {}): void {
    const size = o.size ?? 8;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 3;
    const rowHeight = (cells: readonly string[], bold: boolean): number =>
      Math.max(...cells.map((c, i) => this.measure(c, widths[i]! - 2 * pad, size, bold))) + 2 * pad;
    const drawRow = (cells: readonly string[], bold: boolean, shade: boolean): void => {
      const h = rowHeight(cells, bold);
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        if (!bold)
          drawRow(
            columns.map((c) => c.header),
            true,
            true,
          );
      }
      const y = this.doc.y;
      if (shade) this.doc.rect(this.left, y, this.width, h).fill('#eeeeee');
      let x = this.left;
      cells.forEach((c, i) => {
        this.rich(c, {
          x: x + pad,
          y: y + pad,
          width: widths[i]! - 2 * pad,
          size,
          bold,
          align: columns[i]!.align ?? 'left',
        });
        x += widths[i]!;
      });
      this.doc
        .moveTo(this.left, y + h)
        .lineTo(this.left + this.width, y + h)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      this.doc.y = y + h;
    };
    this.ensure(40);
    drawRow(
      columns.map((c) => c.header),
      true,
      true,
    );
    for (const r of rows) drawRow(r, false, false);
    this.doc.x = this.left;
    this.doc.moveDown(0.6);
  }

  /** An SVG (e.g. an ECharts chart rendered server-side) at full width. */
  svg(svg: string, width: number, height: number): void {
    const scale = Math.min(1, this.width / width);
    const w = width * scale;
    const h = height * scale;
    this.ensure(h + 10);
    SVGtoPDF(this.doc, svg, this.left, this.doc.y, {
      width: w,
      height: h,
      assumePt: true,
      fontCallback: (_family: string, bold: boolean) => (bold ? 'bold' : 'regular'),
      warningCallback: () => undefined,
    });
    this.doc.y += h + 8;
    this.doc.x = this.left;
  }

  rule(): void {
    const y = this.doc.y + 2;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    this.doc.y = y + 4;
  }

  /** Adds the page footers and returns the PDF's bytes. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    this.pages = range.count;
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('regular')
        .fontSize(7.5)
        .fillColor(GREY)
        .text(
          `${chartLabel(this.meta.footer)} — page ${i + 1} of ${range.count}`,
          this.left,
          doc.page.height - 35,
          { width: this.width, align: 'center', lineBreak: false },
        );
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    return this.done;
  }
}

/** A label for places with one font (chart text, footers): emoji and unknown glyphs by name. */
export function chartLabel(text: string): string {
  return textRuns(text)
    .map((r: { font: FontRole; text: string }) =>
      r.font === 'emoji' ? `[${emojiName(r.text)}]` : r.text.replace(/\n/gu, ' '),
    )
    .join('');
}
