package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A kernel on free loopback ports with the {@link ScriptedInterpreter}, and a client connected to it. */
abstract class KernelTestBase {

    static final String KEY = "a-test-key";

    ScriptedInterpreter interpreter;
    Kernel kernel;
    TestClient client;

    @BeforeEach
    void startKernel() {
        interpreter = new ScriptedInterpreter();
        kernel = Kernel.start(connection(), interpreter);
        client = new TestClient(kernel.connection());
    }

    ConnectionInfo connection() {
        return new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, 0, 0, "hmac-sha256", KEY);
    }

    @AfterEach
    void stopKernel() {
        interpreter.release();
        client.close();
        kernel.close();
    }

    static JsonObject content(String... keyValues) {
        JsonObject content = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) content.addProperty(keyValues[i], keyValues[i + 1]);
        return content;
    }
}
