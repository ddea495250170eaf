package dev.syssim.kernel.homework;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** One notebook for a grading worker: its path, and the source notebook whose cells it restores (or null). */
record GradeTask(String notebook, String source) {

    String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("notebook", notebook);
        if (source != null) o.addProperty("source", source);
        return o.toString();
    }

    static GradeTask parse(String line) {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        return new GradeTask(o.get("notebook").getAsString(), o.has("source") ? o.get("source").getAsString() : null);
    }
}
