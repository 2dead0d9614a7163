/** The part of subset-font (no types of its own) the build uses: subset a font to the glyphs of `text`. */
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    // `noHinting` drops the TrueType hinting tables and programs (harfbuzz's HB_SUBSET_FLAGS_NO_HINTING).
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; preserveNameIds?: number[]; variationAxes?: Record<string, number>; noHinting?: boolean },
  ): Promise<Buffer>;
}
