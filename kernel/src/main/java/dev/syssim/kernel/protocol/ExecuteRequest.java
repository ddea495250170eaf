package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;

/**
 * The fields of an {@code execute_request}, with the spec's defaults for those a client leaves out.
 * {@code silent} forces {@code store_history} off, as the spec says.
 */
record ExecuteRequest(String code, boolean silent, boolean storeHistory, boolean allowStdin,
                      boolean stopOnError, JsonObject userExpressions) {

    static ExecuteRequest from(JsonObject content) {
        boolean silent = Json.bool(content, "silent", false);
        return new ExecuteRequest(
                Json.string(content, "code", ""),
                silent,
                !silent && Json.bool(content, "store_history", true),
                // A client that does not say it can answer input_request is assumed not to: no hang.
                Json.bool(content, "allow_stdin", false),
                Json.bool(content, "stop_on_error", true),
                Json.object(content, "user_expressions"));
    }
}
