/**
 * A document as a column of blocks, top to bottom: what a report says,
 * without how it is drawn. Pages break where a block does not fit.
 */
export type PdfBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  /** Label and value pairs, the label column narrow. */
  | { readonly kind: 'fields'; readonly rows: ReadonlyArray<readonly [string, string]> }
  /** A grid with a header row; `widths` are fractions of the text width and add up to 1. */
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly widths: readonly number[]; readonly rows: ReadonlyArray<readonly string[]> }
  /** A PNG scaled to the text width (never up), with a caption under it. */
  | { readonly kind: 'image'; readonly png: Buffer; readonly caption: string };

export interface PdfDocumentSpec {
  readonly title: string;
  /** Printed at the foot of every page, followed by "page n of m". */
  readonly footer: string;
  readonly blocks: readonly PdfBlock[];
}
