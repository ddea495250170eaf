package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import dev.syssim.kernel.eval.LanguageInfo;

/**
 * The content of {@code kernel_info_reply}: who the kernel is and how front ends should treat its
 * language. Cells are shell scripts to a notebook viewer, so they get bash highlighting (pygments)
 * and the CodeMirror shell mode, and export as {@code .sh}; in the Java kernelspec they are Java
 * ({@code text/x-java}, pygments {@code java}), whose version is the JVM's.
 */
final class KernelInfo {

    static final String IMPLEMENTATION = "syssim";

    private KernelInfo() {
    }

    /** The jar's version from its manifest, or "dev" when run from classes (tests). */
    static String version() {
        String version = KernelInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static JsonObject content(String banner, LanguageInfo info) {
        JsonObject language = new JsonObject();
        language.addProperty("name", info.name());
        language.addProperty("version", info.name().equals("java") ? System.getProperty("java.version") : version());
        language.addProperty("mimetype", info.mimetype());
        language.addProperty("file_extension", info.fileExtension());
        language.addProperty("pygments_lexer", info.pygmentsLexer());
        language.addProperty("codemirror_mode", info.codemirrorMode());

        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.addProperty("protocol_version", KernelSession.PROTOCOL_VERSION);
        content.addProperty("implementation", IMPLEMENTATION);
        content.addProperty("implementation_version", version());
        content.add("language_info", language);
        content.addProperty("banner", banner);
        content.addProperty("debugger", false);
        return content;
    }
}
