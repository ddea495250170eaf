package dev.syssim.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * Small helpers over Gson's JSON tree: lenient reads of request fields (a client may omit optional
 * ones) and conversion of the interpreter's plain Java values into JSON. The tree API is used instead
 * of reflective Gson binding because it loads far fewer classes at start-up.
 */
final class Json {

    private Json() {
    }

    static String string(JsonObject object, String key, String fallback) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? value.getAsString() : fallback;
    }

    static boolean bool(JsonObject object, String key, boolean fallback) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                ? value.getAsBoolean() : fallback;
    }

    static int integer(JsonObject object, String key, int fallback) {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return fallback;
        }
        return value.getAsInt();
    }

    static JsonObject object(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }

    /** Converts Strings, Numbers, Booleans, Maps, Iterables, arrays of String and JSON trees. */
    static JsonElement tree(Object value) {
        if (value == null) return JsonNull.INSTANCE;
        if (value instanceof JsonElement element) return element;
        if (value instanceof String text) return new JsonPrimitive(text);
        if (value instanceof Number number) return new JsonPrimitive(number);
        if (value instanceof Boolean flag) return new JsonPrimitive(flag);
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((key, item) -> object.add(String.valueOf(key), tree(item)));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            JsonArray array = new JsonArray();
            items.forEach(item -> array.add(tree(item)));
            return array;
        }
        if (value instanceof String[] items) {
            JsonArray array = new JsonArray();
            for (String item : items) array.add(item);
            return array;
        }
        throw new IllegalArgumentException("not JSON-able: " + value.getClass().getName());
    }

    static JsonObject treeObject(Map<String, Object> map) {
        return map == null ? new JsonObject() : tree(map).getAsJsonObject();
    }
}
