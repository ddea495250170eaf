"""The kernelspec as Jupyter sees it after install/install.sh and `java -jar ... install`."""

import json
import os
import pathlib
import re
import subprocess
import sys

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

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


def test_install_script_installs_the_java_kernelspec_beside(tmp_path):
    subprocess.run([str(REPO / "install" / "install.sh"), "--prefix", str(tmp_path), "--no-cds"],
                   check=True, capture_output=True)
    spec = kernelspecs(tmp_path / "share" / "jupyter")["syssim-java"]
    assert spec["spec"]["display_name"] == "SysSim (Java)"
    assert spec["spec"]["language"] == "java"
    assert spec["spec"]["interrupt_mode"] == "message"
    jar = str(tmp_path / "share/jupyter/kernels/syssim-java/syssim-kernel.jar")
    assert spec["spec"]["argv"][-4:] == ["-jar", jar, "--java", "{connection_file}"]


def test_without_java_cells_the_course_gets_a_clear_message_instead(tmp_path):
    jar = REPO / "kernel" / "target" / "syssim-kernel.jar"
    subprocess.run(["java", "-jar", str(jar), "install", "--prefix", str(tmp_path), "--no-cds", "--no-java-cells"],
                   check=True, capture_output=True)
    specs = kernelspecs(tmp_path / "share" / "jupyter")
    assert "syssim-java" not in specs
    assert specs["syssim"]["spec"]["env"] == {"SYSSIM_ALLOW_JAVA": "0"}
    reply, _ = run_a_cell(tmp_path / "share" / "jupyter" / "kernels", "syssim", '%%java\nSystem.out.println("escaped")')
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "JavaCellsOff"
    assert "SYSSIM_ALLOW_JAVA=0" in reply["content"]["evalue"]


def java_version(java):
    release = pathlib.Path(java).resolve().parent.parent / "release"
    match = re.search(r'^JAVA_VERSION="(?:1\.)?(\d+)', release.read_text(), re.M)
    return int(match.group(1))


def archive_option(java, spec_dir):
    """The archive option a kernelspec's argv should hold, and the archive's last file."""
    if java_version(java) >= 25 and spec_dir.name == "syssim":
        # the shell kernelspec's AOT cache with the Java cells' layer on it (README, Installing)
        layer = spec_dir / "java-cells.jsa"
        return f"-XX:SharedArchiveFile={spec_dir / 'syssim.aot'}:{layer}", layer
    if java_version(java) >= 25:
        return f"-XX:AOTCache={spec_dir / 'syssim.aot'}", spec_dir / "syssim.aot"
    return f"-XX:SharedArchiveFile={spec_dir / 'syssim.jsa'}", spec_dir / "syssim.jsa"


def test_the_tests_kernelspec_uses_the_start_up_archive_of_its_jvm(pytestconfig):
    spec_dir = pytestconfig.syssim_prefix / "share" / "jupyter" / "kernels" / "syssim"
    argv = json.loads((spec_dir / "kernel.json").read_text())["argv"]
    option, archive = archive_option(pytestconfig.syssim_java, spec_dir)
    assert argv[0] == pytestconfig.syssim_java
    assert option in argv
    assert archive.is_file()


def installed_jdks():
    """(version, java) of each JDK in /usr/lib/jvm, Debian's JVM directory."""
    found = []
    for home in sorted(pathlib.Path("/usr/lib/jvm").glob("*")):
        java = home / "bin" / "java"
        if java.is_file() and (home / "release").is_file() and not home.is_symlink():
            found.append((java_version(java), str(java)))
    return found


def run_a_cell(spec_root, name="syssim", code="echo hi from $(uname -n)"):
    """Starts the kernel of a kernelspec under spec_root as JupyterLab would; returns a cell's reply and stdout."""
    km = KernelManager(kernel_name=name, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec_root)]))
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        out = []
        reply = kc.execute_interactive(code, timeout=120,
                                       output_hook=lambda msg: out.append(msg["content"].get("text", "")))
        return reply, "".join(out)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


@pytest.mark.parametrize("kind", ["class-data archive (Java 17 to 24)", "AOT cache (Java 25 and newer)"])
def test_each_kind_of_start_up_archive_starts_a_working_kernel(tmp_path, kind):
    wanted = (lambda v: v < 25) if kind.startswith("class-data") else (lambda v: v >= 25)
    jdks = [java for version, java in installed_jdks() if wanted(version)]
    if not jdks:
        pytest.skip(f"no JDK for the {kind} in /usr/lib/jvm")
    java = jdks[-1]
    jar = REPO / "kernel" / "target" / "syssim-kernel.jar"
    subprocess.run(["java", "-jar", str(jar), "install", "--prefix", str(tmp_path), "--java", java],
                   check=True, capture_output=True)
    spec_root = tmp_path / "share" / "jupyter" / "kernels"
    argv = json.loads((spec_root / "syssim" / "kernel.json").read_text())["argv"]
    option, archive = archive_option(java, spec_root / "syssim")
    assert argv[0] == java and option in argv and archive.is_file()
    reply, out = run_a_cell(spec_root)
    assert reply["content"]["status"] == "ok" and out == "hi from laptop\n"
    reply, out = run_a_cell(spec_root, "syssim", '%%java\nSystem.out.println("hi from " + machine.name())')
    assert reply["content"]["status"] == "ok" and out == "hi from laptop\n"
    # The Java kernelspec has an archive of its own, trained on Java cells.
    argv = json.loads((spec_root / "syssim-java" / "kernel.json").read_text())["argv"]
    option, archive = archive_option(java, spec_root / "syssim-java")
    assert option in argv and archive.is_file()
    reply, out = run_a_cell(spec_root, "syssim-java", 'System.out.println("hi from " + machine.name())')
    assert reply["content"]["status"] == "ok" and out == "hi from laptop\n"


def test_install_script_prefers_a_jdk_with_an_aot_cache(tmp_path):
    newest = max(installed_jdks(), default=(0, None))
    chosen = subprocess.run([str(REPO / "install" / "kernel-java.sh")], check=True, capture_output=True,
                            text=True, env={**os.environ, "JAVA_HOME": ""}).stdout.strip()
    if newest[0] >= 25:
        assert chosen == newest[1]
    else:
        assert java_version(chosen) < 25
    forced = subprocess.run([str(REPO / "install" / "kernel-java.sh")], check=True, capture_output=True,
                            text=True, env={**os.environ, "SYSSIM_JAVA": "/opt/jdk/bin/java"}).stdout.strip()
    assert forced == "/opt/jdk/bin/java"


def test_install_with_name_and_display_name(tmp_path):
    jar = REPO / "kernel" / "target" / "syssim-kernel.jar"
    subprocess.run(["java", "-jar", str(jar), "install", "--prefix", str(tmp_path), "--name", "syssim-dev",
                    "--display-name", "SysSim (dev)", "--no-cds"], check=True, capture_output=True)
    spec = kernelspecs(tmp_path / "share" / "jupyter")["syssim-dev"]["spec"]
    assert spec["display_name"] == "SysSim (dev)"
