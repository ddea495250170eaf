"""Reading replies and iopub messages of one request through a jupyter_client BlockingKernelClient."""

# A safety net so a broken kernel fails the test instead of hanging it; not a timing assertion.
TIMEOUT = 30


def iopub_until_idle(kc, msg_id):
    """The iopub messages that have msg_id as parent, up to and including its idle status."""
    messages = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages


def reply_to(kc, msg_id, channel="shell"):
    """The reply to msg_id on shell or control; fails if another reply comes first. Skips stray
    kernel_info replies: jupyter_client's wait_for_ready may send kernel_info more than once
    (jupyter_kernel_test skips them the same way)."""
    get = kc.get_shell_msg if channel == "shell" else kc.get_control_msg
    while True:
        reply = get(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply
        assert reply["msg_type"] == "kernel_info_reply", f"expected the reply to {msg_id}, got {reply['msg_type']}"


def round_trip_on_control(kc):
    """A kernel_info round trip on control. Requests sent on shell before it have reached the kernel
    by the time it returns (same client, sent earlier), though the busy shell has not read them."""
    msg = kc.session.msg("kernel_info_request", {})
    kc.control_channel.send(msg)
    reply_to(kc, msg["header"]["msg_id"], channel="control")
