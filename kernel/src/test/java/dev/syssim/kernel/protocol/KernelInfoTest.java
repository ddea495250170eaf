package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.syssim.kernel.eval.Language;
import org.junit.jupiter.api.Test;

/** kernel_info_reply's language_info: shell text for SysSim, Java for SysSim (Java). */
class KernelInfoTest {

    @Test
    void theShellKernelsCellsAreBash() {
        JsonObject language = KernelInfo.content("b", Language.SHELL.info()).getAsJsonObject("language_info");
        assertEquals("syssim", language.get("name").getAsString());
        assertEquals("text/x-sh", language.get("mimetype").getAsString());
        assertEquals(".sh", language.get("file_extension").getAsString());
        assertEquals("bash", language.get("pygments_lexer").getAsString());
        assertEquals("shell", language.get("codemirror_mode").getAsString());
        assertEquals(KernelInfo.version(), language.get("version").getAsString());
    }

    @Test
    void theJavaKernelsCellsAreJavaOfTheKernelsJvm() {
        JsonObject language = KernelInfo.content("b", Language.JAVA.info()).getAsJsonObject("language_info");
        assertEquals("java", language.get("name").getAsString());
        assertEquals("text/x-java", language.get("mimetype").getAsString());
        assertEquals(".jshell", language.get("file_extension").getAsString());
        assertEquals("java", language.get("pygments_lexer").getAsString());
        assertEquals("text/x-java", language.get("codemirror_mode").getAsString());
        assertEquals(System.getProperty("java.version"), language.get("version").getAsString());
    }
}
