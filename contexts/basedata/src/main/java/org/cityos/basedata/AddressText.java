package org.cityos.basedata;

/** Address text made comparable when the parser finds no road: spaces, punctuation and full-width forms go. */
final class AddressText {
    private AddressText() {}

    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String withoutControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> Character.getType(cp) != Character.CONTROL)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
