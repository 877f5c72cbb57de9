package dev.prodlint.frontend.ts;

/**
 * swc4j reports offsets in Unicode code points; the model counts UTF-16 code units. The two agree
 * until the first character outside the Basic Multilingual Plane (an emoji), so the map is the
 * identity for most files and a table for the rest.
 */
final class OffsetMap {
    private final int[] utf16Of;

    private OffsetMap(int[] utf16Of) {
        this.utf16Of = utf16Of;
    }

    static OffsetMap of(String text) {
        boolean surrogates = false;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                surrogates = true;
                break;
            }
        }
        if (!surrogates) return new OffsetMap(null);
        int cps = text.codePointCount(0, text.length());
        int[] table = new int[cps + 1];
        int u = 0;
        for (int cp = 0; cp < cps; cp++) {
            table[cp] = u;
            u += Character.charCount(text.codePointAt(u));
        }
        table[cps] = u;
        return new OffsetMap(table);
    }

    int toUtf16(int codePointOffset) {
        if (utf16Of == null) return codePointOffset;
        if (codePointOffset < 0) return 0;
        return utf16Of[Math.min(codePointOffset, utf16Of.length - 1)];
    }
}
