package dev.syssim.sim.prog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.prog.Regex.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GNU regular expressions: what glibc and GNU sed/grep do with each rule (the expected texts were
 * seen with sed 4.9 and grep 3.8 on Debian 12; the tool corpus replays many more through the tools).
 */
class RegexTest {

    private static Regex compile(String pattern, Dialect d, int flags) {
        Regex.Result r = Regex.compile(pattern, d, flags);
        assertInstanceOf(Regex.Valid.class, r, () -> pattern + ": " + r);
        return ((Regex.Valid) r).regex();
    }

    private static String error(String pattern, Dialect d) {
        Regex.Result r = Regex.compile(pattern, d, Regex.UTF8 | Regex.DFA_CHECKS);
        return r instanceof Regex.Invalid i ? i.message() : null;
    }

    /** The match and its groups as sed -E 's/re/[\0][\1].../' would show them, or "-" for no match. */
    private static String groups(String pattern, Dialect d, String subject) {
        Regex re = compile(pattern, d, Regex.UTF8);
        byte[] text = subject.getBytes(StandardCharsets.UTF_8);
        Regex.Match m = re.search(text);
        if (m == null) return "-";
        StringBuilder out = new StringBuilder();
        for (int g = 0; g <= m.groups(); g++) {
            out.append('[');
            if (m.matched(g)) out.append(new String(text, m.start(g), m.end(g) - m.start(g), StandardCharsets.UTF_8));
            out.append(']');
        }
        return out.toString();
    }

    @Test
    void theWholeMatchIsLeftmostLongestNotLeftmostFirst() {
        assertEquals("[xyz][x][yz]", groups("(x|xy)(z|yz)", Dialect.SED_EXTENDED, "xyz"));
        assertEquals("[abcd]", groups("a|ab|abc|abcd", Dialect.SED_EXTENDED, "abcd"));
    }

    @Test
    void groupsAreTheFirstPathThatMatchesTheLongestSpanAsGlibcReportsThem() {
        assertEquals("[abcd][a][bcd][]", groups("(a|ab)(c|bcd)(d*)", Dialect.SED_EXTENDED, "abcd"));
        assertEquals("[aabb][a][ab]", groups("(a*)(ab)*b", Dialect.SED_EXTENDED, "aabb"));
        assertEquals("[abab][b]", groups("(a|b)*", Dialect.SED_EXTENDED, "abab"));
        assertEquals("[abac][a]", groups("(a|ab)*c", Dialect.SED_EXTENDED, "abac"));
        assertEquals("[abc][abc][]", groups("(.*)(.*)", Dialect.SED_EXTENDED, "abc"));
    }

    @Test
    void aGroupKeepsWhatItsLastIterationMatched() {
        assertEquals("[ab][b][a]", groups("((a)|b)*", Dialect.SED_EXTENDED, "ab"));
    }

    @Test
    void aLoopTakesNoEmptyIterationAfterAnother() {
        assertEquals("[ab][b]", groups("(a|b*)*", Dialect.SED_EXTENDED, "ab"));
        assertEquals("[aa][aa]", groups("(a*)+$", Dialect.SED_EXTENDED, "aa"));
    }

    @Test
    void basicSyntaxUsesBackslashedOperatorsAndGnuExtensions() {
        assertEquals("[aab][aa]", groups("\\(a\\+\\)b", Dialect.SED_BASIC, "aab"));
        assertEquals("[b]", groups("x\\|b", Dialect.SED_BASIC, "ab"));
        assertEquals("[a+]", groups("a+", Dialect.SED_BASIC, "a+"));
        assertEquals("[a?]", groups("a?", Dialect.GREP_BASIC, "a?"));
        assertEquals("[aaa]", groups("a\\{,3\\}", Dialect.GREP_BASIC, "aaaa"));
    }

    @Test
    void aStarAtTheStartOfABasicExpressionIsLiteral() {
        assertEquals("[*a]", groups("*a", Dialect.SED_BASIC, "b*a"));
        assertEquals("[*a][*a]", groups("\\(*a\\)", Dialect.SED_BASIC, "b*a"));
    }

    @Test
    void caretAndDollarAreAnchorsOnlyAtTheEndsOfABasicExpression() {
        assertEquals("[a^b]", groups("a^b", Dialect.SED_BASIC, "a^b"));
        assertEquals("[a$b]", groups("a$b", Dialect.SED_BASIC, "a$b"));
        assertEquals("-", groups("a^b", Dialect.SED_EXTENDED, "a^b"));
        assertEquals("[b]", groups("x\\|^b", Dialect.SED_BASIC, "b"));
    }

    @Test
    void extendedSyntaxTreatsBracesWithoutAnIntervalAsTextInGrep() {
        assertEquals("[a{1]", groups("a{1", Dialect.GREP_EXTENDED, "a{1"));
        assertEquals("Unmatched \\{", error("a{1", Dialect.SED_EXTENDED));
        assertEquals("[a{x}]", groups("a{x}", Dialect.GREP_EXTENDED, "a{x}"));
        assertEquals("Invalid content of \\{\\}", error("a{x}", Dialect.SED_EXTENDED));
    }

    @Test
    void grepSkipsARepetitionOperatorAtTheStartAndWarns() {
        Regex.Result r = Regex.compile("a(+b|{1}c)", Dialect.GREP_EXTENDED, Regex.DFA_WARNINGS);
        assertEquals(List.of("+ at start of expression", "{...} at start of expression"), r.warnings());
        assertEquals("Invalid preceding regular expression", error("*a", Dialect.SED_EXTENDED));
        assertEquals("Invalid preceding regular expression", error("*a", Dialect.POSIX_EXTENDED));
    }

    @Test
    void sedRefusesARepetitionOfARepetitionInBasicSyntaxButGrepDoesNot() {
        assertEquals("Invalid preceding regular expression", error("a**", Dialect.SED_BASIC));
        assertEquals("Invalid preceding regular expression", error("a*\\{2\\}", Dialect.SED_BASIC));
        assertEquals("Invalid preceding regular expression", error("\\{1\\}", Dialect.SED_BASIC));
        assertNull(error("a**", Dialect.GREP_BASIC));
        assertEquals("[{1}]", groups("\\{1\\}", Dialect.GREP_BASIC, "{1}"));
    }

    @Test
    void compileErrorsCarryGlibcsMessages() {
        assertEquals("Invalid regular expression", error("[", Dialect.GREP_BASIC));
        assertEquals("Unmatched [, [^, [:, [., or [=", error("[a", Dialect.GREP_BASIC));
        assertEquals("Unmatched [, [^, [:, [., or [=", error("[[:alpha:", Dialect.GREP_BASIC));
        assertEquals("Invalid character class name", error("[[:foo:]]", Dialect.GREP_BASIC));
        assertEquals("Trailing backslash", error("a\\", Dialect.GREP_BASIC));
        assertEquals("Unmatched ( or \\(", error("\\(", Dialect.GREP_BASIC));
        assertEquals("Unmatched ) or \\)", error("\\)", Dialect.GREP_BASIC));
        assertEquals("Unmatched \\{", error("a\\{1,2", Dialect.GREP_BASIC));
        assertEquals("Invalid content of \\{\\}", error("a\\{2,1\\}", Dialect.GREP_BASIC));
        assertEquals("Invalid back reference", error("\\(a\\)\\2", Dialect.GREP_BASIC));
        assertEquals("Regular expression too big", error("a\\{32768\\}", Dialect.GREP_BASIC));
        assertEquals("Invalid range end", error("[b-a]", Dialect.GREP_BASIC));
        assertEquals("Invalid range end", error("[[:alpha:]-z]", Dialect.GREP_BASIC));
        assertEquals("Invalid collation character", error("[[.space.]]", Dialect.GREP_BASIC));
        assertEquals("Invalid content of \\{\\}", error("a{}", Dialect.GREP_EXTENDED));
        assertEquals("Unmatched ) or \\)", error("a)", Dialect.SED_EXTENDED));
        assertNull(error("a)", Dialect.POSIX_EXTENDED));
    }

    @Test
    void aClassNameOutsideABracketIsRefusedAsDfaDoes() {
        assertEquals("character class syntax is [[:space:]], not [:space:]", error("[:space:]", Dialect.GREP_BASIC));
        assertEquals("character class syntax is [[:space:]], not [:space:]", error("x[^:a:]", Dialect.SED_BASIC));
        assertNull(error("[::]", Dialect.GREP_BASIC));
        assertNull(error("[:alpha]", Dialect.GREP_BASIC));
    }

    @Test
    void aBackReferenceMatchesTheGroupsText() {
        assertEquals("[abab][ab]", groups("\\(a.\\)\\1", Dialect.SED_BASIC, "xabab"));
        assertEquals("[aa][a]", groups("(a)\\1", Dialect.SED_EXTENDED, "baa"));
        assertEquals("-", groups("(a)\\1", Dialect.SED_EXTENDED, "ab"));
        assertEquals("Invalid back reference", error("(a)|\\1", Dialect.SED_EXTENDED));
    }

    @Test
    void backReferencesFindTheLongestMatch() {
        assertEquals("[abcabc][abc]", groups("\\(.*\\)\\1", Dialect.SED_BASIC, "abcabc"));
    }

    @Test
    void bracketExpressionsHaveClassesRangesAndALiteralFirstBracket() {
        assertEquals("[]]", groups("[]a]", Dialect.SED_BASIC, "x]"));
        assertEquals("[*]", groups("[^]a]", Dialect.SED_BASIC, "a*b"));
        assertEquals("[-]", groups("[a-]", Dialect.SED_BASIC, "x-"));
        assertEquals("[a]", groups("[[.a.]]", Dialect.SED_BASIC, "a"));
        assertEquals("[a]", groups("[[=a=]]", Dialect.SED_BASIC, "a"));
        assertEquals("[\\]", groups("[\\]", Dialect.SED_BASIC, "\\"));
        assertEquals("[ff]", groups("[[:xdigit:]]*", Dialect.SED_BASIC, "ffg"));
    }

    @Test
    void gnuOperatorsMatchWordsAndSpaces() {
        assertEquals("[ab_1]", groups("\\w\\+", Dialect.SED_BASIC, " ab_1 "));
        assertEquals("[ ]", groups("\\s", Dialect.SED_BASIC, "a b"));
        assertEquals("[b]", groups("\\<b", Dialect.SED_BASIC, "ab b"));
        assertEquals("[a]", groups("a\\>", Dialect.SED_BASIC, "ab a"));
        assertEquals("[c]", groups("\\bc", Dialect.SED_BASIC, "ac c"));
        assertEquals("[c]", groups("\\Bc", Dialect.SED_BASIC, "ac"));
    }

    @Test
    void underUtf8ADotIsACharacterAndClassesKnowUnicode() {
        assertEquals("[é]", groups(".", Dialect.GREP_BASIC, "é"));
        assertEquals("[ÉÀ]", groups("[[:upper:]]*", Dialect.GREP_BASIC, "ÉÀb"));
        assertEquals("[١]", groups("\\w", Dialect.GREP_BASIC, "½١"));
        assertEquals("-", groups("[a-z]", Dialect.GREP_BASIC, "é"));
    }

    @Test
    void underUtf8AnInvalidByteMatchesNoDot() {
        Regex re = compile("a.b", Dialect.GREP_BASIC, Regex.UTF8);
        assertFalse(re.find(new byte[] {'a', (byte) 0xE9, 'b'}));
        Regex c = compile("a.b", Dialect.GREP_BASIC, 0);
        assertTrue(c.find(new byte[] {'a', (byte) 0xE9, 'b'}));
    }

    @Test
    void aDotMatchesNulExceptInPosixSyntaxAndANewlineUnlessNewlineSensitive() {
        assertTrue(compile("a.b", Dialect.SED_BASIC, 0).find(new byte[] {'a', 0, 'b'}));
        assertFalse(compile("a.b", Dialect.POSIX_BASIC, 0).find(new byte[] {'a', 0, 'b'}));
        assertTrue(compile("a.b", Dialect.SED_BASIC, 0).find("a\nb".getBytes(StandardCharsets.UTF_8)));
        assertFalse(compile("a.b", Dialect.SED_BASIC, Regex.NEWLINE).find("a\nb".getBytes(StandardCharsets.UTF_8)));
        assertFalse(compile("a[^x]b", Dialect.SED_BASIC, Regex.NEWLINE).find("a\nb".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void multiLineAnchorsMatchAtNewlinesButBufferAnchorsDoNot() {
        byte[] text = "a\nb".getBytes(StandardCharsets.UTF_8);
        assertEquals(2, compile("^b", Dialect.SED_BASIC, Regex.NEWLINE).search(text).start());
        assertNull(compile("^b", Dialect.SED_BASIC, 0).search(text));
        assertNull(compile("\\`b", Dialect.SED_BASIC, Regex.NEWLINE).search(text));
        assertEquals(0, compile("a$", Dialect.SED_BASIC, Regex.NEWLINE).search(text).start());
    }

    @Test
    void ignoringCaseFoldsLiteralsRangesAndBackReferences() {
        Regex re = compile("x[a-c]\\(é\\)\\1", Dialect.SED_BASIC, Regex.UTF8 | Regex.ICASE);
        assertTrue(re.find("XBÉé".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Invalid range end", error("[a-Z]", Dialect.SED_BASIC));
        assertInstanceOf(Regex.Valid.class, Regex.compile("[a-Z]", Dialect.SED_BASIC, Regex.ICASE));
    }

    @Test
    void searchingFromAnOffsetSeesThePreviousCharacterButNotALineStart() {
        byte[] text = "aaa".getBytes(StandardCharsets.UTF_8);
        assertNull(compile("^a", Dialect.SED_BASIC, 0).search(text, 0, 3, 1));
        assertNull(compile("\\<a", Dialect.SED_BASIC, 0).search(text, 0, 3, 1));
        assertEquals(1, compile("a", Dialect.SED_BASIC, 0).search(text, 0, 3, 1).start());
    }

    @Test
    void anEmptyPatternMatchesTheEmptyStringAtTheStart() {
        Regex.Match m = compile("", Dialect.GREP_BASIC, 0).search("abc".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, m.start());
        assertEquals(0, m.end());
    }

    @Test
    void longSubjectsAndLongPatternsDoNotGrowJavasStack() {
        byte[] line = "ab".repeat(500_000).getBytes(StandardCharsets.UTF_8);
        Regex.Match m = compile("(a|b)*", Dialect.SED_EXTENDED, 0).search(line);
        assertEquals(line.length, m.end());
        assertEquals(line.length - 1, m.start(1));
        String longPattern = "a".repeat(100_000) + "|b".repeat(20_000);
        assertTrue(compile(longPattern, Dialect.SED_EXTENDED, 0).find("xb".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Regular expression too big", error("(".repeat(5000) + ")".repeat(5000), Dialect.SED_EXTENDED));
    }

    @Test
    void exponentialBackReferencePatternsStopAtTheirBudget() {
        Regex re = compile("\\(a*\\)*b\\1", Dialect.SED_BASIC, 0);
        assertFalse(re.find("a".repeat(60).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void randomPatternsInEveryDialectNeverThrowAndAlwaysAnswer() {
        java.util.Random random = new java.util.Random(19);
        String alphabet = "ab.*+?|()[]{}^$\\,-:=123wWsSbB<>`'é\n";
        byte[][] subjects = {"".getBytes(StandardCharsets.UTF_8), "aab{1}ba".getBytes(StandardCharsets.UTF_8),
                "é|a(b)\n[x]".getBytes(StandardCharsets.UTF_8), new byte[] {'a', (byte) 0xff, 0, 'b'}};
        for (int n = 0; n < 4000; n++) {
            StringBuilder p = new StringBuilder();
            int len = random.nextInt(12);
            for (int i = 0; i < len; i++) p.append(alphabet.charAt(random.nextInt(alphabet.length())));
            for (Dialect d : Dialect.values()) {
                int flags = random.nextInt(8) & (Regex.ICASE | Regex.UTF8 | Regex.NEWLINE);
                Regex.Result r = Regex.compile(p.toString(), d, flags | Regex.DFA_CHECKS | Regex.DFA_WARNINGS);
                if (!(r instanceof Regex.Valid v)) continue;
                for (byte[] subject : subjects) {
                    Regex.Match m = v.regex().search(subject);
                    boolean found = v.regex().find(subject);
                    assertEquals(m != null, found, p + " in " + d);
                }
            }
        }
    }
}
