package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the connection file jupyter_client writes. */
class ConnectionInfoTest {

    private static final String FILE = """
            {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004,
             "hb_port": 5005, "ip": "127.0.0.1", "key": "abc-123", "transport": "tcp",
             "signature_scheme": "hmac-sha256", "kernel_name": "syssim"}
            """;

    @Test
    void readsPortsKeyAndScheme(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("kernel.json"), FILE);
        ConnectionInfo info = ConnectionInfo.read(file);
        assertEquals(5001, info.shellPort());
        assertEquals(5004, info.controlPort());
        assertEquals(5005, info.hbPort());
        assertEquals("abc-123", info.key());
        assertEquals("tcp://127.0.0.1:5002", info.endpoint(info.iopubPort()));
    }

    @Test
    void ipv6AddressesAreBracketedInEndpoints() throws IOException {
        ConnectionInfo info = ConnectionInfo.parse(com.google.gson.JsonParser.parseString(FILE.replace("127.0.0.1", "::1")).getAsJsonObject());
        assertEquals("tcp://[::1]:5001", info.endpoint(info.shellPort()));
    }

    @Test
    void aMissingPortIsAnError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("kernel.json"), FILE.replace("\"hb_port\": 5005,", ""));
        assertTrue(assertThrows(IOException.class, () -> ConnectionInfo.read(file)).getMessage().contains("hb_port"));
    }

    @Test
    void ipcTransportIsRefusedWithAReason(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("kernel.json"), FILE.replace("\"tcp\"", "\"ipc\""));
        assertTrue(assertThrows(IOException.class, () -> ConnectionInfo.read(file)).getMessage().contains("ipc"));
    }

    @Test
    void aFileThatIsNotJsonIsAnError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("kernel.json"), "shell_port=1");
        assertThrows(IOException.class, () -> ConnectionInfo.read(file));
    }
}
