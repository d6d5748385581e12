package org.occam.lab.report;

/** HTML escaping: every piece of text that reaches a report goes through here. */
public final class Html {
    private Html() {
    }

    /**
     * {@code text} with &amp;, &lt;, &gt;, " and ' escaped, safe in element content and quoted attributes.
     *
     * @param text any text
     * @return the escaped text
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Checks that {@code href} is a relative link (no scheme such as {@code https:}, no
     * {@code //host}), so a report never points outside its own folder tree.
     *
     * @param href the link
     * @return the link
     * @throws IllegalArgumentException for an absolute or scheme-relative link
     */
    public static String relativeHref(String href) {
        if (href.startsWith("//") || href.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            throw new IllegalArgumentException("report links must be relative (reports are offline): " + href);
        }
        return href;
    }

    /**
     * A path segment for a relative link: characters outside [A-Za-z0-9._~-] are percent-encoded (UTF-8).
     *
     * @param segment one path segment, unencoded
     * @return the encoded segment
     */
    public static String pathSegment(String segment) {
        StringBuilder b = new StringBuilder();
        for (byte x : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xFF);
            if (c < 128 && (Character.isLetterOrDigit(c) || "._~-".indexOf(c) >= 0)) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xFF));
            }
        }
        return b.toString();
    }
}
