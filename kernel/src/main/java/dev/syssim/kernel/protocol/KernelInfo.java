package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;

/**
 * The content of {@code kernel_info_reply}: who the kernel is and how front ends should treat its
 * language. Cells are shell scripts to a notebook viewer, so they get bash highlighting (pygments)
 * and the CodeMirror shell mode, and export as {@code .sh}.
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

    static JsonObject content(String banner) {
        JsonObject language = new JsonObject();
        language.addProperty("name", "syssim");
        language.addProperty("version", version());
        language.addProperty("mimetype", "text/x-sh");
        language.addProperty("file_extension", ".sh");
        language.addProperty("pygments_lexer", "bash");
        language.addProperty("codemirror_mode", "shell");

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
