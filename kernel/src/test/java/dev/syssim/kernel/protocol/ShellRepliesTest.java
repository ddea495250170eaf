package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.syssim.kernel.protocol.TestClient.Received;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every shell request gets the reply the messaging spec requires, with {@code status}. */
class ShellRepliesTest extends KernelTestBase {

    @Test
    void kernelInfoReplyHasStatusProtocolAndShellLanguageInfo() {
        Received reply = client.request("kernel_info_request", new JsonObject());
        JsonObject content = reply.content();
        assertEquals("kernel_info_reply", reply.type());
        assertEquals("ok", content.get("status").getAsString());
        assertEquals("5.3", content.get("protocol_version").getAsString());
        assertEquals("syssim", content.get("implementation").getAsString());
        assertEquals("scripted test interpreter", content.get("banner").getAsString());
        JsonObject language = content.getAsJsonObject("language_info");
        assertEquals("syssim", language.get("name").getAsString());
        assertEquals("text/x-sh", language.get("mimetype").getAsString());
        assertEquals(".sh", language.get("file_extension").getAsString());
        assertEquals("bash", language.get("pygments_lexer").getAsString());
        assertEquals("shell", language.get("codemirror_mode").getAsString());
    }

    @Test
    void repliesCarryTheKernelSessionAndTheRequestAsParent() {
        String id = client.send(client.shell, "kernel_info_request", new JsonObject());
        Received reply = client.nextShell();
        assertEquals(kernel.sessionId(), reply.header().get("session").getAsString());
        assertEquals(id, reply.parentId());
        assertEquals("5.3", reply.header().get("version").getAsString());
        for (Received published : client.iopubOf(id)) {
            assertEquals(kernel.sessionId(), published.header().get("session").getAsString());
        }
    }

    @Test
    void everyRequestIsBracketedByBusyAndIdleOnIopub() {
        String id = client.send(client.shell, "kernel_info_request", new JsonObject());
        client.nextShell();
        List<Received> published = client.iopubOf(id);
        assertEquals("busy", published.get(0).content().get("execution_state").getAsString());
        assertEquals("idle", published.get(published.size() - 1).content().get("execution_state").getAsString());
    }

    @Test
    void completeReplyListsMatchesWithCursorRange() {
        JsonObject request = content("code", "ls; ech");
        request.addProperty("cursor_pos", 7);
        JsonObject reply = client.request("complete_request", request).content();
        assertEquals("ok", reply.get("status").getAsString());
        assertEquals("echo", reply.getAsJsonArray("matches").get(0).getAsString());
        assertEquals(4, reply.get("cursor_start").getAsInt());
        assertEquals(7, reply.get("cursor_end").getAsInt());
        assertTrue(reply.has("metadata"));
    }

    @Test
    void cursorPositionsCountUnicodeCodePointsNotUtf16Units() {
        // U+1F600 is one code point but two Java chars: positions must not drift after it.
        JsonObject request = content("code", "\uD83D\uDE00 ech");
        request.addProperty("cursor_pos", 5);
        JsonObject reply = client.request("complete_request", request).content();
        assertEquals("echo", reply.getAsJsonArray("matches").get(0).getAsString());
        assertEquals(2, reply.get("cursor_start").getAsInt());
        assertEquals(5, reply.get("cursor_end").getAsInt());
    }

    @Test
    void inspectReplyCarriesTheManualPageAsPlainText() {
        JsonObject request = content("code", "ls");
        request.addProperty("cursor_pos", 2);
        request.addProperty("detail_level", 0);
        JsonObject reply = client.request("inspect_request", request).content();
        assertEquals("ok", reply.get("status").getAsString());
        assertTrue(reply.get("found").getAsBoolean());
        assertEquals("LS(1) list directory contents", reply.getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void inspectOfUnknownWordIsOkButNotFound() {
        JsonObject request = content("code", "nothing");
        request.addProperty("cursor_pos", 3);
        JsonObject reply = client.request("inspect_request", request).content();
        assertEquals("ok", reply.get("status").getAsString());
        assertFalse(reply.get("found").getAsBoolean());
        assertEquals(0, reply.getAsJsonObject("data").size());
    }

    @Test
    void isCompleteReplyGivesIndentOnlyWhenIncomplete() {
        JsonObject incomplete = client.request("is_complete_request", content("code", "echo hi |")).content();
        assertEquals("incomplete", incomplete.get("status").getAsString());
        assertEquals("  ", incomplete.get("indent").getAsString());
        JsonObject complete = client.request("is_complete_request", content("code", "echo hi")).content();
        assertEquals("complete", complete.get("status").getAsString());
        assertFalse(complete.has("indent"));
        JsonObject invalid = client.request("is_complete_request", content("code", "echo hi )")).content();
        assertEquals("invalid", invalid.get("status").getAsString());
    }

    @Test
    void commInfoReplyListsNoComms() {
        JsonObject reply = client.request("comm_info_request", new JsonObject()).content();
        assertEquals("ok", reply.get("status").getAsString());
        assertEquals(0, reply.getAsJsonObject("comms").size());
    }

    @Test
    void commOpenForAnUnknownTargetIsClosedAtOnce() {
        JsonObject open = content("comm_id", "c-1", "target_name", "widgets");
        open.add("data", new JsonObject());
        String id = client.send(client.shell, "comm_open", open);
        Received close = client.iopubOf(id).stream().filter(m -> m.type().equals("comm_close")).findFirst().orElseThrow();
        assertEquals("c-1", close.content().get("comm_id").getAsString());
    }

    @Test
    void historyReplyHasStatusAndTheStoredCells() {
        client.execute("print a");
        client.execute("print b");
        JsonObject request = content("hist_access_type", "tail");
        request.addProperty("n", 1);
        request.addProperty("output", false);
        request.addProperty("raw", true);
        JsonObject reply = client.request("history_request", request).content();
        assertEquals("ok", reply.get("status").getAsString());
        assertEquals("[[1,2,\"print b\"]]", reply.getAsJsonArray("history").toString());
    }

    @Test
    void historySearchAnswersGlobPatternsWithUniqueAndN() {
        for (String code : List.of("print a", "print b", "print a", "warn a")) client.execute(code);
        JsonObject search = content("hist_access_type", "search", "pattern", "print *");
        search.addProperty("unique", true);
        assertEquals("[[1,2,\"print b\"],[1,3,\"print a\"]]",
                client.request("history_request", search).content().getAsJsonArray("history").toString());
        search.addProperty("unique", false);
        search.addProperty("n", 1);
        assertEquals("[[1,3,\"print a\"]]",
                client.request("history_request", search).content().getAsJsonArray("history").toString());
    }

    @Test
    void historyRangeWithOutputPairsInputWithResultText() {
        client.execute("result 42");
        client.execute("print x");
        JsonObject range = content("hist_access_type", "range");
        range.addProperty("session", 0);
        range.addProperty("start", 1);
        range.addProperty("stop", 3);
        range.addProperty("output", true);
        assertEquals("[[1,1,[\"result 42\",\"42\"]],[1,2,[\"print x\",null]]]",
                client.request("history_request", range).content().getAsJsonArray("history").toString());
    }

    @Test
    void shutdownOnShellIsAnsweredAndStopsTheKernel() throws InterruptedException {
        JsonObject request = new JsonObject();
        request.addProperty("restart", true);
        JsonObject reply = client.request("shutdown_request", request).content();
        assertEquals("ok", reply.get("status").getAsString());
        assertTrue(reply.get("restart").getAsBoolean());
        kernel.awaitShutdownRequest();
    }

    @Test
    void heartbeatEchoesEveryPing() {
        client.heartbeat.send("ping-1");
        assertEquals("ping-1", client.heartbeat.recvStr());
    }
}
