package dev.syssim.sim.shell.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cell language's grammar: what parses, bash's error messages with positions, and completeness. */
class ParserTest {

    @Test
    void unexpectedTokenNamesTheTokenLineAndColumn() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> Parser.parseAll("echo a\necho b )", Parser.Settings.BASH));
        assertEquals("syntax error near unexpected token `)'", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(8, e.column());
    }

    @Test
    void unterminatedQuoteIsIncomplete() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> Parser.parseAll("echo 'abc", Parser.Settings.BASH));
        assertEquals("unexpected EOF while looking for matching `''", e.getMessage());
        assertTrue(e.incomplete());
    }

    @Test
    void pipeAtTheStartIsInvalid() {
        assertEquals("invalid", Parser.isComplete("| cat"));
        assertEquals("invalid", Parser.isComplete("echo ;;"));
    }

    @Test
    void openConstructsAreIncomplete() {
        for (String text : new String[] {"echo hi |", "echo a &&", "echo a ||", "echo a \\", "cat <<EOF\nline", "if true; then",
                "for i in 1 2; do", "while true", "( echo", "{ echo", "echo \"open", "echo $(date"}) {
            assertEquals("incomplete", Parser.isComplete(text), text);
        }
    }

    @Test
    void completeCommands() {
        for (String text : new String[] {"echo hi", "a && b || c; d &", "cat <<EOF\nx\nEOF", "if true; then echo y; fi",
                "for i in 1 2; do echo $i; done", "f() { echo f; }", "x=1 y=2 env", "echo $((1 + 2))", ":(){ :|:& };:"}) {
            assertEquals("complete", Parser.isComplete(text), text);
        }
    }

    @Test
    void hereDocumentEndedByEndOfInputRunsWithBashsWarning() throws SyntaxError {
        Parser parser = new Parser("cat <<EOF\nno end", Parser.Settings.BASH);
        while (parser.nextLine() != null) {
            // read every line
        }
        java.util.List<String> warnings = parser.takeWarnings();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("delimited by end-of-file (wanted `EOF')"));
    }

    @Test
    void backgroundItemsKeepTheirOwnText() throws SyntaxError {
        Ast.Script s = Parser.parseAll("sleep 100 & kill -9 $!; wait", Parser.Settings.BASH);
        assertEquals("sleep 100", s.items().get(0).text());
        assertTrue(s.items().get(0).background());
    }
}
