package dev.syssim.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A kernelspec: the {@code kernel.json} that tells Jupyter how to start the kernel, its language,
 * the environment it gets, and its logos. {@code interrupt_mode: message} makes clients interrupt
 * over the control channel, not with SIGINT.
 */
public record Kernelspec(List<String> argv, String displayName, String language, Map<String, String> env) {

    static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png");

    public Kernelspec {
        argv = List.copyOf(argv);
        env = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(env));
    }

    /** The shell kernelspec's: the argv that starts the jar with {@code java} and the options; Jupyter fills in the file. */
    public static Kernelspec of(Path java, List<String> jvmOptions, Path jar, String displayName) {
        return of(java, jvmOptions, jar, List.of(), displayName, "syssim", Map.of());
    }

    /**
     * A kernelspec that starts the jar with {@code kernelArgs} before the connection file
     * ({@code --java} for Java cells), for {@code language}, with {@code env} added to the kernel's environment.
     */
    public static Kernelspec of(Path java, List<String> jvmOptions, Path jar, List<String> kernelArgs, String displayName,
                                String language, Map<String, String> env) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmOptions);
        argv.add("-jar");
        argv.add(jar.toString());
        argv.addAll(kernelArgs);
        argv.add("{connection_file}");
        return new Kernelspec(argv, displayName, language, env);
    }

    public JsonObject toJson() {
        JsonArray args = new JsonArray();
        argv.forEach(args::add);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        JsonObject json = new JsonObject();
        json.add("argv", args);
        json.addProperty("display_name", displayName);
        json.addProperty("language", language);
        json.addProperty("interrupt_mode", "message");
        if (!env.isEmpty()) {
            JsonObject variables = new JsonObject();
            env.forEach(variables::addProperty);
            json.add("env", variables);
        }
        json.add("metadata", metadata);
        return json;
    }

    /** Writes {@code kernel.json} and the logos into {@code dir}. */
    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson());
        Files.writeString(dir.resolve("kernel.json"), json + "\n", StandardCharsets.UTF_8);
        for (String logo : LOGOS) {
            try (InputStream png = Kernelspec.class.getResourceAsStream(logo)) {
                if (png == null) throw new IOException("logo " + logo + " missing from the jar");
                Files.copy(png, dir.resolve(logo), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
