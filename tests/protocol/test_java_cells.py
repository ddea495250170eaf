"""Java cells through the real client stack (jupyter_client): %%java in the SysSim kernel and the
SysSim (Java) kernelspec. A Java cell and a shell cell drive one world; values render through
BaseKernel's display model; errors, interrupts, System.exit and running out of memory leave a
kernel that goes on."""

import base64

import pytest
from jupyter_client.manager import start_new_kernel

from kernel_messages import TIMEOUT, iopub_until_idle, reply_to

# The first Java cell of a kernel starts JShell (and javac): give it time on a busy machine.
FIRST_JAVA_TIMEOUT = 120


@pytest.fixture
def java_kernel():
    km, kc = start_new_kernel(kernel_name="syssim-java", startup_timeout=TIMEOUT)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)


def run(kc, code, timeout=FIRST_JAVA_TIMEOUT, **options):
    """Executes code; returns the reply and the iopub messages of the request."""
    msg_id = kc.execute(code, **options)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply, iopub_until_idle(kc, msg_id)


def outputs(messages, kind):
    return [m["content"] for m in messages if m["msg_type"] == kind]


def stdout(messages):
    return "".join(c["text"] for c in outputs(messages, "stream") if c["name"] == "stdout")


def result(messages):
    results = outputs(messages, "execute_result")
    assert len(results) == 1, messages
    return results[0]["data"]


def test_a_java_cell_changes_the_world_and_the_next_shell_cell_sees_it(kernel):
    km, kc = kernel
    reply, _ = run(kc, '%%java\nsh.run("echo written by java > /tmp/j.txt");\nmachine.run("root", "mkdir /srv/made-by-java");')
    assert reply["content"]["status"] == "ok"
    reply, messages = run(kc, "cat /tmp/j.txt; ls -d /srv/made-by-java")
    assert stdout(messages) == "written by java\n/srv/made-by-java\n"


def test_a_shell_cells_effects_are_seen_by_the_next_java_cell(kernel):
    km, kc = kernel
    run(kc, "cd /etc\necho written by the shell > ~/s.txt")
    reply, messages = run(kc, '%%java\nsh.run("pwd").stdout() + machine.readFile("/home/student/s.txt").get()')
    assert result(messages)["text/plain"] == "/etc\nwritten by the shell\n"


def test_the_value_of_a_cell_is_an_execute_result_with_the_cells_count(kernel):
    km, kc = kernel
    reply, messages = run(kc, "%%java\nint answer = 6 * 7;\nanswer")
    results = outputs(messages, "execute_result")
    assert results[0]["data"] == {"text/plain": "42"}
    assert results[0]["execution_count"] == reply["content"]["execution_count"]


def test_display_and_update_display_use_one_display_id(kernel):
    km, kc = kernel
    reply, messages = run(kc, '%%java\nString id = display("<b>first</b>", "text/html");\nupdateDisplay(id, "second");')
    shown = outputs(messages, "display_data")
    updated = outputs(messages, "update_display_data")
    assert shown[0]["data"]["text/html"] == "<b>first</b>"
    assert updated[0]["data"]["text/plain"] == "second"
    assert shown[0]["transient"]["display_id"] == updated[0]["transient"]["display_id"]


def test_a_buffered_image_is_a_png(kernel):
    km, kc = kernel
    reply, messages = run(kc, "%%java\nvar image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_ARGB);\nimage")
    png = base64.b64decode(result(messages)["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_trace_renders_as_a_shell_cells_trace(kernel):
    km, kc = kernel
    reply, messages = run(kc, '%%java\nsh.setTraceLevel(TraceLevel.SYSCALLS);\nsh.run("cat /etc/hostname").trace()')
    data = result(messages)
    # a live trace display, as a shell cell's: no PNG unless SYSSIM_TRACE_FORMATS asks for one
    assert set(data) == {"text/plain", "text/html", "application/vnd.syssim.trace+json"}
    assert 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY)' in data["text/plain"]


def test_a_class_that_renders_itself_chooses_its_mime_types(kernel):
    km, kc = kernel
    reply, messages = run(kc, """%%java
record Host(String name) implements DisplayDataRenderable {
    public Set<MIMEType> getPreferredRenderTypes() { return Set.of(MIMEType.TEXT_MARKDOWN); }
    public void render(RenderContext c) { c.renderIfRequested(MIMEType.TEXT_MARKDOWN, () -> "**" + name + "**"); }
}
new Host("border")""")
    assert result(messages)["text/markdown"] == "**border**"


def test_a_compile_error_is_an_error_reply_with_the_line_and_a_caret(kernel):
    km, kc = kernel
    reply, messages = run(kc, '%%java\nint fine = 1;\nint broken = "text";')
    content = reply["content"]
    assert content["status"] == "error" and content["ename"] == "CompileError"
    assert content["traceback"][:3] == ["  Cell line 3, column 14:", '    int broken = "text";', "                 ^----^"]
    assert outputs(messages, "error")[0]["evalue"] == content["evalue"]


def test_an_exception_shows_a_trimmed_stack(kernel):
    km, kc = kernel
    reply, _ = run(kc, "%%java\nint half(int n) {\n    if (n == 0) throw new IllegalStateException(\"zero\");\n    return n / 2;\n}\nhalf(0)")
    content = reply["content"]
    assert content["ename"] == "java.lang.IllegalStateException" and content["evalue"] == "zero"
    count = content["execution_count"]
    assert content["traceback"] == ["java.lang.IllegalStateException: zero", f"\tat half(In[{count}], line 3)",
                                    f"\tat <cell>(In[{count}], line 6)"]


def test_an_interrupt_stops_a_busy_loop_and_the_kernel_goes_on(kernel):
    km, kc = kernel
    run(kc, "%%java\n1")  # JShell is up
    msg_id = kc.execute('%%java\nSystem.out.println("looping");\nwhile (true) { }')
    while True:
        msg = kc.get_iopub_msg(timeout=FIRST_JAVA_TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            break
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id)
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "KeyboardInterrupt"
    reply, messages = run(kc, "%%java\n1 + 1")
    assert result(messages)["text/plain"] == "2"


def test_a_loop_inside_the_jdk_that_ignores_the_interrupt_is_given_up_and_java_cells_start_over(kernel):
    km, kc = kernel
    reply, messages = run(kc, "%%java\nint kept = 1;\nRuntime.version().feature()")
    feature = int(result(messages)["text/plain"])
    # one snippet (a block): it prints, then sums an endless stream
    msg_id = kc.execute('%%java\n{ System.out.println("summing"); System.out.println(new java.util.Random(1).ints().sum()); }')
    while True:
        msg = kc.get_iopub_msg(timeout=FIRST_JAVA_TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            break
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id)
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    reply, messages = run(kc, "%%java\n1 + 1")
    assert result(messages)["text/plain"] == "2"
    reply, _ = run(kc, "%%java\nkept")
    if feature >= 20:
        # JShell stops only the cell's own code: this loop runs entirely inside the JDK. The cell
        # is given up after a few seconds and Java cells start over.
        assert reply["content"]["ename"] == "CompileError", "the old variables are gone"
    else:
        # Before Java 20 JShell's stop is Thread.stop, which reaches the loop.
        assert reply["content"]["status"] == "ok"


def test_system_exit_ends_the_cell_not_the_kernel(kernel):
    km, kc = kernel
    reply, _ = run(kc, "%%java\nSystem.exit(0);")
    assert reply["content"]["ename"] == "SystemExit"
    assert km.is_alive()
    reply, messages = run(kc, "echo alive")
    assert stdout(messages) == "alive\n"


def test_a_cell_that_allocates_without_bound_gets_out_of_memory_and_the_kernel_goes_on(kernel):
    km, kc = kernel
    reply, _ = run(kc, "%%java\n{ var hoard = new ArrayList<long[]>(); while (true) hoard.add(new long[1 << 20]); }")
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "java.lang.OutOfMemoryError"
    assert km.is_alive() and kc.is_alive()
    reply, messages = run(kc, "%%java\nnew long[1 << 20].length")
    assert result(messages)["text/plain"] == "1048576"
    reply, messages = run(kc, "echo still serving")
    assert stdout(messages) == "still serving\n"


def test_system_in_reads_through_the_stdin_channel(kernel):
    km, kc = kernel
    msg_id = kc.execute('%%java\nvar in = new Scanner(System.in);\n"hello, " + in.nextLine()', allow_stdin=True)
    request = kc.get_stdin_msg(timeout=FIRST_JAVA_TIMEOUT)
    assert request["msg_type"] == "input_request" and request["parent_header"]["msg_id"] == msg_id
    kc.input("Ada")
    assert reply_to(kc, msg_id)["content"]["status"] == "ok"
    assert result(iopub_until_idle(kc, msg_id))["text/plain"] == "hello, Ada"


def test_completion_and_inspection_inside_a_java_cell(kernel):
    km, kc = kernel
    code = "%%java\nsh.ru"
    msg_id = kc.complete(code, len(code))
    reply = reply_to(kc, msg_id)
    assert "run(" in reply["content"]["matches"]
    assert reply["content"]["cursor_start"] == len(code) - 2
    code = "%%java\nMath.max("
    reply = reply_to(kc, kc.inspect(code, len(code)))
    assert reply["content"]["found"] and "int Math.max(int a, int b)" in reply["content"]["data"]["text/plain"]


def test_is_complete_knows_an_unfinished_java_statement(kernel):
    km, kc = kernel
    reply = reply_to(kc, kc.is_complete("%%java\nfor (int i = 0; i < 3; i++) {"))
    assert reply["content"] == {"status": "incomplete", "indent": "    "}
    reply = reply_to(kc, kc.is_complete("%%java\nfor (int i = 0; i < 3; i++) {\n}"))
    assert reply["content"]["status"] == "complete"


def test_the_java_kernelspecs_cells_are_java_and_percent_percent_sh_is_shell(java_kernel):
    km, kc = java_kernel
    info = reply_to(kc, kc.kernel_info())["content"]["language_info"]
    assert (info["name"], info["mimetype"], info["pygments_lexer"], info["codemirror_mode"]) == (
        "java", "text/x-java", "java", "text/x-java")
    reply, messages = run(kc, "var files = sh.run(\"ls /etc | wc -l\").stdout().strip();\nInteger.parseInt(files) > 10")
    assert result(messages)["text/plain"] == "true"
    reply, messages = run(kc, "%%sh\necho from the shell")
    assert stdout(messages) == "from the shell\n"
