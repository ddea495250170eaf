package dev.syssim.kernel.homework;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Jupyter notebook file (nbformat 4) as a JSON tree, with what homework needs of it: its cells,
 * their sources and nbgrader metadata, clearing outputs, and writing it back the way nbformat
 * does (keys sorted, one-space indent, multi-line strings as lists of lines, a final newline), so
 * a release written here diffs cleanly against one Jupyter saved.
 */
public final class Notebook {

    /** A notebook file that is not a notebook: not JSON, or not nbformat 4. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private static final Gson WRITER = new GsonBuilder().disableHtmlEscaping().serializeNulls()
            .setFormattingStyle(FormattingStyle.PRETTY.withIndent(" ")).create();

    private final JsonObject root;

    private Notebook(JsonObject root) {
        this.root = root;
    }

    public static Notebook read(Path path) throws Unreadable {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unreadable("cannot read " + path + ": " + e.getMessage());
        }
        return parse(text, path.toString());
    }

    public static Notebook parse(String text, String name) throws Unreadable {
        JsonElement tree;
        try {
            tree = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            // Gson's message goes on with a link to its troubleshooting page: the first line says it
            String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new Unreadable(name + " is not JSON: " + why);
        }
        if (!tree.isJsonObject() || !tree.getAsJsonObject().has("cells") || !tree.getAsJsonObject().get("cells").isJsonArray()) {
            throw new Unreadable(name + " is not a notebook: it has no list of cells");
        }
        JsonElement major = tree.getAsJsonObject().get("nbformat");
        if (major == null || !major.isJsonPrimitive() || major.getAsInt() != 4) {
            throw new Unreadable(name + " is not an nbformat 4 notebook");
        }
        return new Notebook(tree.getAsJsonObject());
    }

    /** A deep copy, to change without touching this one. */
    public Notebook copy() {
        return new Notebook(root.deepCopy());
    }

    public List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        JsonArray cells = root.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) out.add(new Cell(i, cells.get(i).getAsJsonObject()));
        return out;
    }

    /** Replaces the cell list (a grader putting the lecturer's cells back). */
    public void setCells(List<Cell> cells) {
        JsonArray array = new JsonArray();
        for (Cell c : cells) array.add(c.json);
        root.add("cells", array);
    }

    /** The kernelspec language (nbgrader picks the solution stub by it), or "" if none is named. */
    public String language() {
        JsonObject metadata = root.getAsJsonObject("metadata");
        if (metadata == null || !metadata.has("kernelspec")) return "";
        JsonElement language = metadata.getAsJsonObject("kernelspec").get("language");
        return language == null ? "" : language.getAsString();
    }

    public String toJson() {
        return WRITER.toJson(sorted(splitLines(root.deepCopy()))) + "\n";
    }

    public void write(Path path) throws IOException {
        if (path.getParent() != null) Files.createDirectories(path.getParent());
        Files.writeString(path, toJson(), StandardCharsets.UTF_8);
    }

    /** One cell: its index, type, source, outputs and nbgrader metadata. */
    public static final class Cell {
        private final int index;
        private final JsonObject json;

        Cell(int index, JsonObject json) {
            this.index = index;
            this.json = json;
        }

        public int index() {
            return index;
        }

        public String type() {
            JsonElement type = json.get("cell_type");
            return type == null ? "" : type.getAsString();
        }

        public boolean code() {
            return type().equals("code");
        }

        public String source() {
            return joined(json.get("source"));
        }

        public void setSource(String source) {
            json.addProperty("source", source);
        }

        /** {@code metadata.nbgrader}, or an empty object for a cell nbgrader does not know. */
        public JsonObject nbgrader() {
            JsonObject metadata = json.getAsJsonObject("metadata");
            if (metadata == null || !metadata.has("nbgrader") || !metadata.get("nbgrader").isJsonObject()) return new JsonObject();
            return metadata.getAsJsonObject("nbgrader");
        }

        public boolean flag(String name) {
            JsonElement value = nbgrader().get(name);
            return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && value.getAsBoolean();
        }

        /** nbgrader's grade_id, or null. */
        public String gradeId() {
            JsonElement id = nbgrader().get("grade_id");
            return id == null || !id.isJsonPrimitive() ? null : id.getAsString();
        }

        /** nbgrader's points of a graded cell (0 if it says none). */
        public int points() {
            JsonElement points = nbgrader().get("points");
            if (points == null || !points.isJsonPrimitive() || !points.getAsJsonPrimitive().isNumber()) return 0;
            return (int) Math.round(points.getAsDouble());
        }

        /** Sets a key of the cell's metadata (Jupyter's own, such as {@code editable}). */
        public void setMetadata(String key, boolean value) {
            metadata().addProperty(key, value);
        }

        public void setNbgrader(String key, boolean value) {
            JsonObject metadata = metadata();
            if (!metadata.has("nbgrader")) metadata.add("nbgrader", new JsonObject());
            metadata.getAsJsonObject("nbgrader").addProperty(key, value);
        }

        private JsonObject metadata() {
            if (!json.has("metadata") || !json.get("metadata").isJsonObject()) json.add("metadata", new JsonObject());
            return json.getAsJsonObject("metadata");
        }

        /** No outputs and no execution count, as "Clear All Outputs" leaves a code cell. */
        public void clearOutputs() {
            if (!code()) return;
            json.add("outputs", new JsonArray());
            json.add("execution_count", JsonNull.INSTANCE);
        }

        /** Records an execution's outputs (nbformat output objects) and its count. */
        public void setOutputs(JsonArray outputs, int executionCount) {
            json.add("outputs", outputs);
            json.add("execution_count", new JsonPrimitive(executionCount));
        }

        public Cell copy() {
            return new Cell(index, json.deepCopy());
        }
    }

    // ---- nbformat's way of writing ----

    static String joined(JsonElement source) {
        if (source == null || source.isJsonNull()) return "";
        if (source.isJsonPrimitive()) return source.getAsString();
        StringBuilder out = new StringBuilder();
        for (JsonElement line : source.getAsJsonArray()) out.append(line.getAsString());
        return out.toString();
    }

    /**
     * Multi-line strings of sources and text outputs become lists of lines, as nbformat's
     * split_lines does (which splits at every line boundary Python knows; notebooks here only have \n).
     */
    private static JsonObject splitLines(JsonObject nb) {
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            split(cell, "source");
            if (!cell.has("outputs")) continue;
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject output = o.getAsJsonObject();
                String type = output.has("output_type") ? output.get("output_type").getAsString() : "";
                if (type.equals("stream")) split(output, "text");
                if ((type.equals("display_data") || type.equals("execute_result")) && output.has("data")) {
                    JsonObject data = output.getAsJsonObject("data");
                    for (Map.Entry<String, JsonElement> e : data.entrySet()) {
                        if (splitsMime(e.getKey()) && e.getValue().isJsonPrimitive()) split(data, e.getKey());
                    }
                }
            }
        }
        return nb;
    }

    private static boolean splitsMime(String mime) {
        return mime.startsWith("text/") || mime.equals("application/javascript") || mime.equals("image/svg+xml");
    }

    private static void split(JsonObject o, String key) {
        JsonElement value = o.get(key);
        if (value == null || !value.isJsonPrimitive()) return;
        String text = value.getAsString();
        JsonArray lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(text.substring(start));
        o.add(key, lines);
    }

    /** Keys sorted at every level, as nbformat writes with sort_keys. */
    private static JsonElement sorted(JsonElement e) {
        if (e.isJsonObject()) {
            TreeMap<String, JsonElement> keys = new TreeMap<>();
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) keys.put(entry.getKey(), sorted(entry.getValue()));
            JsonObject out = new JsonObject();
            keys.forEach(out::add);
            return out;
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            for (JsonElement item : e.getAsJsonArray()) out.add(sorted(item));
            return out;
        }
        return e;
    }
}
