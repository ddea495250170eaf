package dev.syssim.kernel.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/** %%check NAME [--points N] [DESCRIPTION]: the name is the nbgrader grade_id. */
class CheckHeaderTest {

    private static CheckHeader ok(String args) {
        return assertInstanceOf(CheckHeader.Ok.class, CheckHeader.parse(args)).header();
    }

    @Test
    void nameThenPointsThenDescription() {
        assertEquals(new CheckHeader("wash_ssh", 3, "SSH on wash"), ok(" wash_ssh --points 3 SSH on wash"));
        assertEquals(new CheckHeader("wash-ssh", 2, "SSH"), ok("wash-ssh SSH --points 2"));
    }

    @Test
    void aCheckThatSaysNoPointsIsWorthOne() {
        assertEquals(new CheckHeader("c", CheckHeader.DEFAULT_POINTS, ""), ok("c"));
        assertEquals(new CheckHeader("check", 1, ""), ok(""));
    }

    @Test
    void aNameThatCannotBeAGradeIdOrPointsThatAreNotANumberAreProblems() {
        assertEquals("`~/notes.txt` is not a check name: use letters, digits, - and _ (it is the cell's grade_id)",
                assertInstanceOf(CheckHeader.Problem.class, CheckHeader.parse("~/notes.txt holds draft")).message());
        assertEquals("--points needs a whole number", assertInstanceOf(CheckHeader.Problem.class, CheckHeader.parse("c --points two")).message());
        assertEquals("--points needs a whole number", assertInstanceOf(CheckHeader.Problem.class, CheckHeader.parse("c --points")).message());
    }
}
