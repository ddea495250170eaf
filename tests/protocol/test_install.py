"""The kernelspec as Jupyter sees it after install/install.sh and `java -jar ... install`."""

import json
import os
import pathlib
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]


def kernelspecs(jupyter_path):
    env = {**os.environ, "JUPYTER_PATH": str(jupyter_path)}
    out = subprocess.run([sys.executable, "-m", "jupyter_client.kernelspecapp", "list", "--json"],
                         env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out)["kernelspecs"]


def test_install_script_installs_a_kernelspec_jupyter_lists(tmp_path):
    subprocess.run([str(REPO / "install" / "install.sh"), "--prefix", str(tmp_path), "--no-cds"],
                   check=True, capture_output=True)
    spec = kernelspecs(tmp_path / "share" / "jupyter")["syssim"]
    assert spec["resource_dir"] == str(tmp_path / "share" / "jupyter" / "kernels" / "syssim")
    assert spec["spec"]["display_name"] == "SysSim"
    assert spec["spec"]["language"] == "syssim"
    assert spec["spec"]["interrupt_mode"] == "message"
    argv = spec["spec"]["argv"]
    assert os.path.isabs(argv[0]) and argv[-3:-1] == ["-jar", str(tmp_path / "share/jupyter/kernels/syssim/syssim-kernel.jar")]
    assert argv[-1] == "{connection_file}"
    resources = pathlib.Path(spec["resource_dir"])
    assert (resources / "logo-32x32.png").is_file() and (resources / "logo-64x64.png").is_file()


def test_the_tests_kernelspec_uses_a_class_data_archive(pytestconfig):
    spec_dir = pytestconfig.syssim_prefix / "share" / "jupyter" / "kernels" / "syssim"
    argv = json.loads((spec_dir / "kernel.json").read_text())["argv"]
    assert f"-XX:SharedArchiveFile={spec_dir / 'syssim.jsa'}" in argv
    assert (spec_dir / "syssim.jsa").is_file()


def test_install_with_name_and_display_name(tmp_path):
    jar = REPO / "kernel" / "target" / "syssim-kernel.jar"
    subprocess.run(["java", "-jar", str(jar), "install", "--prefix", str(tmp_path), "--name", "syssim-dev",
                    "--display-name", "SysSim (dev)", "--no-cds"], check=True, capture_output=True)
    spec = kernelspecs(tmp_path / "share" / "jupyter")["syssim-dev"]["spec"]
    assert spec["display_name"] == "SysSim (dev)"
