"""A syssim kernel started through jupyter_client, as JupyterLab and nbclient start it."""

import pytest
from jupyter_client.manager import start_new_kernel

from kernel_messages import TIMEOUT


@pytest.fixture
def kernel():
    km, kc = start_new_kernel(kernel_name="syssim", startup_timeout=TIMEOUT)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
