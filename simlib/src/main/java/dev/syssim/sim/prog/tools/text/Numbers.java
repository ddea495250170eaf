package dev.syssim.sim.prog.tools.text;

/** Counts as head, tail and friends take them: digits with an optional multiplier suffix (k, K, M, b, kB, ...). */
final class Numbers {

    private Numbers() {
    }

    /** The count, or -1 if {@code text} is not one. */
    static long count(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)(b|kB|K|k|KiB|MB|M|MiB|GB|G|GiB)?").matcher(text);
        if (!m.matches()) return -1;
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException tooBig) {
            return Long.MAX_VALUE;
        }
        String suffix = m.group(2);
        if (suffix == null) return n;
        long factor = switch (suffix) {
            case "b" -> 512;
            case "kB" -> 1000;
            case "K", "k", "KiB" -> 1024;
            case "MB" -> 1_000_000;
            case "M", "MiB" -> 1024 * 1024;
            case "GB" -> 1_000_000_000L;
            default -> 1024L * 1024 * 1024;
        };
        return n * factor;
    }
}
