package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import dev.syssim.kernel.protocol.TestClient.Received;
import org.junit.jupiter.api.Test;

/** The stdin channel: input_request when the client allows it, an empty answer when not. */
class StdinTest extends KernelTestBase {

    private String executeAllowingStdin(String code) {
        JsonObject request = TestClient.executeContent(code);
        request.addProperty("allow_stdin", true);
        return client.send(client.shell, "execute_request", request);
    }

    private String streamText(String executeId) {
        return client.iopubOf(executeId).stream().filter(m -> m.type().equals("stream")).findFirst()
                .orElseThrow().content().get("text").getAsString();
    }

    @Test
    void inputRequestRoundTripAnswersTheCell() {
        String execute = executeAllowingStdin("ask Name: ");
        Received inputRequest = client.nextStdin();
        assertEquals("input_request", inputRequest.type());
        assertEquals(execute, inputRequest.parentId());
        assertEquals("Name: ", inputRequest.content().get("prompt").getAsString());
        assertFalse(inputRequest.content().get("password").getAsBoolean());

        JsonObject answer = content("value", "Ada");
        client.send(client.stdin, "input_reply", answer, inputRequest.header());
        assertEquals("ok", client.nextShell().content().get("status").getAsString());
        assertEquals("got: Ada\n", streamText(execute));
    }

    @Test
    void anInputReplyWithoutParentHeaderAnswersThePrompt() {
        // jupyter_client's BlockingKernelClient.input() sends exactly this.
        String execute = executeAllowingStdin("ask Name: ");
        client.nextStdin();
        client.send(client.stdin, "input_reply", content("value", "Grace"));
        assertEquals("ok", client.nextShell().content().get("status").getAsString());
        assertEquals("got: Grace\n", streamText(execute));
    }

    @Test
    void withoutAllowStdinInputIsEmptyAndNothingIsAsked() {
        String execute = client.send(client.shell, "execute_request", TestClient.executeContent("ask Name: "));
        assertEquals("ok", client.nextShell().content().get("status").getAsString());
        assertEquals("no input\n", streamText(execute));
    }

    @Test
    void interruptEndsAWaitForInput() {
        String execute = executeAllowingStdin("ask Name: ");
        client.nextStdin();
        client.request(client.control, "interrupt_request");
        Received reply = client.nextShell();
        assertEquals(execute, reply.parentId());
        assertEquals("Interrupted", reply.content().get("ename").getAsString());
        assertEquals("interrupted\n", streamText(execute));
    }

    @Test
    void aReplyToAnOldPromptDoesNotAnswerANewOne() {
        String first = executeAllowingStdin("ask one");
        Received firstPrompt = client.nextStdin();
        client.request(client.control, "interrupt_request");
        client.nextShell();
        client.iopubOf(first);

        String second = executeAllowingStdin("ask two");
        Received secondPrompt = client.nextStdin();
        client.send(client.stdin, "input_reply", content("value", "stale"), firstPrompt.header());
        client.send(client.stdin, "input_reply", content("value", "fresh"), secondPrompt.header());
        client.nextShell();
        assertEquals("got: fresh\n", streamText(second));
    }
}
