package dev.syssim.kernel.eval;

/**
 * The {@code language_info} of {@code kernel_info_reply}: the language's name, its MIME type and
 * file extension for exports, and the pygments lexer and CodeMirror mode that highlight it.
 */
public record LanguageInfo(String name, String mimetype, String fileExtension, String pygmentsLexer, String codemirrorMode) {
}
