"""cgroups: which version is chosen and why, what each writes for a run, and a real memory limit under v2 where
this machine can mount a cgroup2 hierarchy that offers the memory controller."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from problems import Test
from sandbox import Limits, Program, Sandbox, SandboxConfig, SandboxError, Verdict
from sandbox.cgroups import CGROUP_PARENT, HELPER_PROCESSES, JAIL_OVERHEAD, NO_CGROUPS, Cgroups

MIB = 1 << 20


def fake_v2(root: Path, controllers: str = "cpu memory pids", enabled: str = "memory pids") -> Path:
    """A directory shaped like a cgroup2 hierarchy (plain files: nothing is enforced, everything is visible)."""
    root.mkdir()
    (root / "cgroup.controllers").write_text(controllers + "\n")
    (root / "cgroup.subtree_control").write_text(enabled + "\n")
    (root / "cgroup.procs").write_text("1\n")
    (root / CGROUP_PARENT).mkdir()
    (root / CGROUP_PARENT / "cgroup.subtree_control").write_text("")
    return root


def fake_v1(root: Path) -> Path:
    for controller in ("memory", "pids"):
        (root / controller).mkdir(parents=True)
        (root / controller / "cgroup.procs").write_text("1\n")
    return root


def test_v2_is_preferred_and_configures_each_slot(tmp_path):
    root = fake_v2(tmp_path / "v2")
    cgroups = Cgroups("auto", v2_root=root, v1_root=fake_v1(tmp_path / "v1"))
    assert cgroups.version == "v2" and cgroups.enabled and cgroups.why_not == ()
    assert (root / CGROUP_PARENT / "cgroup.subtree_control").read_text() == "+memory +pids"
    name = cgroups.create(0)
    group = root / CGROUP_PARENT / name
    assert name.startswith(f"{os.getpid()}-") and (group / "memory.oom.group").read_text() == "1"
    cgroups.prepare(name, Limits(memory=64 * MIB, processes=10), extra_memory=MIB)
    assert int((group / "memory.max").read_text()) == 65 * MIB + JAIL_OVERHEAD
    assert int((group / "pids.max").read_text()) == 10 + HELPER_PROCESSES
    assert not cgroups.oom(name)
    (group / "memory.events").write_text("low 0\nhigh 0\nmax 7\noom 1\noom_kill 1\n")
    assert cgroups.oom(name)  # grew during the run
    cgroups.prepare(name, Limits(), 0)
    assert not cgroups.oom(name)  # counted from the next run's start
    assert subprocess.run([*cgroups.enter_command(name), "/bin/echo", "inside"], capture_output=True,
                          text=True).stdout == "inside\n"
    assert (group / "cgroup.procs").read_text().strip().isdigit()


def test_controllers_are_enabled_where_missing(tmp_path):
    root = fake_v2(tmp_path / "v2", enabled="cpu")
    Cgroups("v2", v2_root=root)
    assert (root / "cgroup.subtree_control").read_text() == "+memory +pids"


def test_a_hybrid_host_falls_back_to_v1(tmp_path):
    """A hybrid host mounts cgroup2 too, but with memory and pids bound to v1: v2 is passed over, and why is kept."""
    v2, v1 = fake_v2(tmp_path / "v2", controllers="hugetlb", enabled=""), fake_v1(tmp_path / "v1")
    cgroups = Cgroups("auto", v2_root=v2, v1_root=v1)
    assert cgroups.version == "v1"
    assert "offers no memory or pids controller (it offers: hugetlb" in cgroups.why_not[0]
    name = cgroups.create(3)
    cgroups.prepare(name, Limits(memory=64 * MIB), 0)
    assert int((v1 / "memory" / CGROUP_PARENT / name / "memory.limit_in_bytes").read_text()) == 64 * MIB + \
        JAIL_OVERHEAD
    command = cgroups.enter_command(name)
    assert command[-2:] == [str(v1 / f / CGROUP_PARENT / name / "cgroup.procs") for f in ("memory", "pids")]
    with pytest.raises(SandboxError, match="SANDBOX_CGROUPS=v2"):
        Cgroups("v2", v2_root=v2, v1_root=v1)


def test_no_cgroups_means_rlimits_unless_cgroups_are_required(tmp_path):
    cgroups = Cgroups("auto", v2_root=tmp_path / "none", v1_root=tmp_path / "none")
    assert cgroups.version == NO_CGROUPS and not cgroups.enabled and cgroups.create(0) is None
    assert [reason.split(":")[0] for reason in cgroups.why_not] == ["v2", "v1"]
    for mode in ("on", "v1"):
        with pytest.raises(SandboxError, match="unusable"):
            Cgroups(mode, v2_root=tmp_path / "none", v1_root=tmp_path / "none")
    assert Cgroups("off").version == NO_CGROUPS
    with pytest.raises(ValueError, match="mode"):
        Cgroups("maybe")


def test_two_sandboxes_in_one_process_never_share_a_group(tmp_path):
    v1 = fake_v1(tmp_path / "v1")
    first, second = Cgroups("v1", v1_root=v1), Cgroups("v1", v1_root=v1)
    assert first.create(0) != second.create(0)


def test_configuration_reaches_the_sandbox(tmp_path):
    config = SandboxConfig.from_environment({"SANDBOX_CGROUPS": "v2", "SANDBOX_CGROUP_ROOT": str(tmp_path)})
    assert config.cgroups == "v2" and config.cgroup_root == tmp_path
    with pytest.raises(ValueError, match="SandboxConfig.cgroups"):
        SandboxConfig(cgroups="v3")


@pytest.fixture
def cgroup2_mount():
    """A cgroup2 hierarchy mounted in a temporary directory, when it offers memory and pids; else a skip saying why.

    There is one cgroup2 hierarchy per machine: this mounts it again. A controller lives in one hierarchy at a time,
    so on a hybrid host (memory and pids bound to v1, as where this was written) it offers neither.
    """
    if os.geteuid() != 0:
        pytest.skip("mounting a cgroup2 hierarchy needs root")
    target = Path(tempfile.mkdtemp(prefix="cgroup2-"))
    done = subprocess.run(["mount", "-t", "cgroup2", "none", str(target)], capture_output=True, text=True)
    if done.returncode != 0:
        target.rmdir()
        pytest.skip(f"cannot mount cgroup2 here: {done.stderr.strip() or done.returncode}")
    try:
        offered = (target / "cgroup.controllers").read_text().split()
        if not {"memory", "pids"} <= set(offered):
            pytest.skip(f"the cgroup2 hierarchy here offers {' '.join(offered) or 'no controllers'}, not memory and "
                        "pids: they are bound to cgroup v1 hierarchies (a hybrid host), so a v2 memory limit cannot "
                        "be tried on this machine")
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=False)
        target.rmdir()


def test_memory_limit_under_cgroup_v2(cgroup2_mount):
    cache = Path(tempfile.mkdtemp(prefix="sandbox-cgroup2-"))
    try:
        with Sandbox(SandboxConfig(cgroups="v2", cgroup_root=cgroup2_mount, cache_dir=cache)) as box:
            assert box.cgroups_version == "v2"
            limits = Limits(time=2.0, memory=128 * MIB)
            hog = box.judge(Program("python3", "block = bytearray(1 << 30)\nprint(len(block))\n"), [Test("", "")],
                            limits)
            assert hog.verdict is Verdict.MEMORY_LIMIT
            fine = box.judge(Program("python3", "block = bytearray(64 << 20)\nprint(len(block))\n"),
                             [Test("", str(64 << 20))], limits)
            assert fine.accepted and fine.max_memory >= 64 * MIB
            bomb = box.judge(Program("python3", "import os\nwhile True:\n    os.fork()\n"), [Test("", "")], limits)
            assert bomb.verdict is Verdict.RUNTIME_ERROR
            java = box.judge(Program("java", "public class Main { public static void main(String[] a) {"
                                             " System.out.println(42); } }\n"), [Test("", "42")], limits)
            assert java.accepted  # a JVM reserves far more address space than any rlimit would allow
    finally:
        shutil.rmtree(cache, ignore_errors=True)
