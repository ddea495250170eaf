package dev.syssim.kernel.eval;

/**
 * What a cell is unless a cell magic says otherwise: shell text (kernelspec {@code syssim}) or
 * Java (kernelspec {@code syssim-java}), and how front ends should highlight and export it.
 */
public enum Language {
    SHELL(new LanguageInfo("syssim", "text/x-sh", ".sh", "bash", "shell")),
    JAVA(new LanguageInfo("java", "text/x-java", ".jshell", "java", "text/x-java"));

    private final LanguageInfo info;

    Language(LanguageInfo info) {
        this.info = info;
    }

    /** The {@code language_info} of {@code kernel_info_reply} (its version is the kernel's, or for Java the JVM's). */
    public LanguageInfo info() {
        return info;
    }
}
