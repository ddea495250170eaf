"""Debian's jupyter_kernel_test, the conformance suite other kernels run, against syssim.

Every optional attribute a shell-like kernel can support is filled. Run with Debian's Python,
for which python3-jupyter-kernel-test is packaged (it needs jupyter_client 7's async channels):
    /usr/bin/python3 -m pytest tests/conformance
"""

import unittest

import jupyter_kernel_test


class SysSimKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "syssim"
    language_name = "syssim"
    file_extension = ".sh"

    code_hello_world = "echo hello, world"
    code_stderr = "echo error >&2"

    completion_samples = [
        {"text": "ech", "matches": {"echo"}},
        {"text": "%tra", "matches": {"%trace"}},
    ]

    complete_code_samples = ["echo hi", "echo a && echo b", "cat <<EOF\nhello\nEOF"]
    incomplete_code_samples = ["echo 'open", "echo hi |", "cat <<EOF", "echo a &&", "echo a \\"]
    invalid_code_samples = ["echo hi )"]

    # A cell error: an unknown magic fails the cell with an error reply and one error message.
    code_generate_error = "%nosuchmagic"

    # The trace of a cell is a display_data bundle; text/plain is in every bundle.
    code_display_data = [{"code": "%trace syscalls\necho hi", "mime": "text/plain"}]

    # A line magic with a value gives an execute_result (Out[n]); the history tests need one.
    code_execute_result = [{"code": "%seed", "mime": "text/plain"}]
    code_history_pattern = "%se*"
    supported_history_operations = ("tail", "range", "search")

    # Shift-Tab on a command shows its manual page.
    code_inspect_sample = "ls"

    # less on the terminal opens Jupyter's pager: a page payload on the execute_reply.
    code_page_something = "less /etc/motd"

    # The shell's clear sends clear_output.
    code_clear_output = "clear"


class SysSimJavaKernelTests(jupyter_kernel_test.KernelTests):
    """The SysSim (Java) kernelspec, with Java snippets: its cells are Java (JShell)."""

    kernel_name = "syssim-java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world")'
    code_stderr = 'System.err.println("error")'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "sh.ru", "matches": {"run("}},
        {"text": "%tra", "matches": {"%trace"}},
    ]

    complete_code_samples = ["1 + 1", "int x = 1;", "for (int i = 0; i < 3; i++) {\n}", "%%sh\necho hi"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int x = ", "1 +", "%%sh\necho 'open"]
    invalid_code_samples = [")", "int x = );"]

    # An exception thrown by the cell: an error reply and one error message.
    code_generate_error = 'throw new IllegalStateException("boom")'

    # display() with a MIME type: a display_data bundle carrying it.
    code_display_data = [{"code": 'display("<b>hi</b>", "text/html");', "mime": "text/html"}]

    # The value of a last expression is the cell's execute_result.
    code_execute_result = [{"code": "6 * 7", "result": "42"}, {"code": '"sys" + "sim"', "result": "syssim"}]
    code_history_pattern = "6*"
    supported_history_operations = ("tail", "range", "search")

    # Shift-Tab inside a call's parentheses shows the method's signatures (and javadoc).
    code_inspect_sample = "Math.max("

    # A %%sh cell is a shell cell in this kernelspec too: less opens the pager, clear clears.
    code_page_something = "%%sh\nless /etc/motd"
    code_clear_output = "%%sh\nclear"


if __name__ == "__main__":
    unittest.main()
