"""Memory and process limits through cgroups: v2 where the host offers it, v1 where it has that, else none.

Each concurrent run slot keeps one group (v2: one directory with the memory and pids controllers; v1: a pair, one
per controller) and a launcher living in it (see slots.py): moving a process into a group costs milliseconds, while
a child forked inside one is in it from birth. Before a run the slot's limits are set and its counters noted; after
it, whether the run met its memory limit and, when our init could not say, its peak memory.

Which version is used (`Cgroups.version`: "v2", "v1" or "none (rlimits)"):
- v2 when a cgroup2 hierarchy is mounted (found in /proc/self/mounts, or given) whose `cgroup.controllers` offers
  memory and pids, and they can be enabled for our groups. A hybrid host mounts one too, but binds memory and
  pids to its v1 hierarchies, so it falls through to v1. cgroup v2 forbids a group that holds processes to hand
  controllers down (the root is exempt): when the hierarchy's top holds our process alone (a container's own
  namespace), we move ourselves into a leaf beside our groups; other processes there make v2 unusable.
- v1 when the memory and pids controllers are mounted under /sys/fs/cgroup and we may create groups there.
- otherwise none: the jail falls back to address-space and process-count rlimits (poorer: a JVM reserves far more
  address space than it uses, and memory is then measured, not enforced).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from sandbox.errors import SandboxError
from sandbox.limits import MIB, Limits

CGROUP_V1 = Path("/sys/fs/cgroup")
CGROUP_V2_DEFAULT = Path("/sys/fs/cgroup")
CGROUP_PARENT = "open-alphacode"
CONTROLLERS = ("memory", "pids")
NO_CGROUPS = "none (rlimits)"
# The slot's group also holds the launcher (static, a few hundred KiB) and nsjail (a few MiB while it runs).
JAIL_OVERHEAD = 8 * MIB
# The slot's launcher, nsjail and our init are in the group too: this many processes beyond the program's own.
HELPER_PROCESSES = 3
MODES = ("auto", "on", "off", "v1", "v2")


class Unusable(Exception):
    """This cgroup version cannot be used here; the message says why."""


class Cgroups:
    """The slot groups of one sandbox, through whichever cgroup version the host offers (see the module doc).

    `mode`: auto (best available, else rlimits), on (best available, else SandboxError), v2 or v1 (that version,
    else SandboxError), off (rlimits). `v2_root` is the cgroup2 mount to use; `v1_root` where v1 controllers are.
    """

    def __init__(self, mode: str = "auto", *, v2_root: Path | None = None, v1_root: Path = CGROUP_V1) -> None:
        if mode not in MODES:
            raise ValueError(f"Cgroups.mode: must be one of {', '.join(MODES)}, got {mode!r}")
        self.version = NO_CGROUPS
        self.why_not: tuple[str, ...] = ()  # why better versions were not used
        self._backend: _V1 | _V2 | None = None
        if mode == "off":
            self.why_not = ("turned off",)
            return
        reasons = []
        for version in ("v2", "v1") if mode in ("auto", "on") else (mode,):
            try:
                self._backend = _V2(v2_root or _cgroup2_mount()) if version == "v2" else _V1(v1_root)
            except Unusable as error:
                reasons.append(f"{version}: {error}")
                continue
            self.version = version
            break
        self.why_not = tuple(reasons)
        if self._backend is None and mode != "auto":
            raise SandboxError(f"cgroups requested (SANDBOX_CGROUPS={mode}) but unusable: {'; '.join(reasons)}")

    @property
    def enabled(self) -> bool:
        return self._backend is not None

    def create(self, slot: int) -> str | None:
        """A group for one run slot, or None. Named <pid>-<sandbox>-<slot>: by our pid, so that groups left by a
        process that died can be told apart, and by this object, so that two sandboxes in one process (each
        numbering its slots from 0) never share a group."""
        return self._backend.create(f"{os.getpid()}-{id(self):x}-{slot}") if self._backend else None

    def prepare(self, name: str, limits: Limits, extra_memory: int, extra_processes: int = 0) -> None:
        """Set the slot's limits for the next run and note its counters; `extra_processes` are helpers of ours
        beyond HELPER_PROCESSES living in the group during the run (the warm runner's init per test)."""
        assert self._backend is not None
        self._backend.prepare(name, limits.memory + extra_memory + JAIL_OVERHEAD,
                              limits.processes + HELPER_PROCESSES + extra_processes)

    def restart(self, name: str) -> None:
        """Note the slot's counters again, limits unchanged: the next run of a jail that runs many (sandbox.warm)."""
        assert self._backend is not None
        self._backend.restart(name)

    def enter_command(self, name: str) -> list[str]:
        """A prefix that runs the rest of the command inside the group."""
        assert self._backend is not None
        procs = self._backend.procs_files(name)
        writes = " && ".join(f'echo $$ > "${index + 1}"' for index in range(len(procs)))
        return ["/usr/bin/sh", "-c", f'{writes} && shift {len(procs)} && exec "$@"', "sh", *map(str, procs)]

    def oom(self, name: str | None) -> bool:
        """Whether the run since `prepare` met its memory limit."""
        return self._backend.oom(name) if self._backend and name is not None else False

    def peak(self, name: str | None) -> int | None:
        """The run's peak memory in bytes as the group saw it, when known."""
        return self._backend.peak(name) if self._backend and name is not None else None

    def remove(self, name: str | None) -> None:
        if self._backend and name is not None:
            self._backend.remove(name)


class _V1:
    """cgroup v1: a memory group and a pids group per slot, under <root>/<controller>/open-alphacode."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for controller in CONTROLLERS:
            if not (root / controller / "cgroup.procs").exists():
                raise Unusable(f"no cgroup v1 {controller} controller at {root / controller}")
            try:
                (root / controller / CGROUP_PARENT).mkdir(exist_ok=True)
            except OSError as error:
                raise Unusable(f"cannot create {root / controller / CGROUP_PARENT}: {error.strerror}") from None
        for controller in CONTROLLERS:
            _remove_stale(root / controller / CGROUP_PARENT)

    def _group(self, controller: str, name: str) -> Path:
        return self.root / controller / CGROUP_PARENT / name

    def create(self, name: str) -> str:
        for controller in CONTROLLERS:
            self._group(controller, name).mkdir(exist_ok=True)
        return name

    def prepare(self, name: str, memory: int, processes: int) -> None:
        group = self._group("memory", name)
        (group / "memory.limit_in_bytes").write_text(str(memory))
        (group / "memory.failcnt").write_text("0")
        (group / "memory.max_usage_in_bytes").write_text("0")
        (self._group("pids", name) / "pids.max").write_text(str(processes))

    def restart(self, name: str) -> None:
        group = self._group("memory", name)
        (group / "memory.failcnt").write_text("0")
        (group / "memory.max_usage_in_bytes").write_text("0")

    def procs_files(self, name: str) -> list[Path]:
        return [self._group(controller, name) / "cgroup.procs" for controller in CONTROLLERS]

    def oom(self, name: str) -> bool:
        # v1 counts each time usage hit the limit (reset before every run).
        return int((self._group("memory", name) / "memory.failcnt").read_text()) > 0

    def peak(self, name: str) -> int | None:
        return int((self._group("memory", name) / "memory.max_usage_in_bytes").read_text())

    def remove(self, name: str) -> None:
        for controller in CONTROLLERS:
            try:
                self._group(controller, name).rmdir()
            except OSError:
                pass


class _V2:
    """cgroup v2: one group per slot under <root>/open-alphacode, with memory and pids enabled for it.

    Each group has swap off (memory.swap.max 0: a program must not page its way past the limit) and
    memory.oom.group set, so that running out of memory ends the whole jail at once, not one process of it; the
    launcher is spared (oom_score_adj -1000). A run met its limit when the group's oom or oom_kill events grew.
    Its peak comes from memory.peak, reset per run where the kernel allows (6.12+: the reset holds for the open
    descriptor), else capped at the run's limit.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        try:
            offered = (root / "cgroup.controllers").read_text().split()
        except OSError as error:
            raise Unusable(f"no cgroup v2 hierarchy at {root} ({error.strerror})") from None
        missing = [c for c in CONTROLLERS if c not in offered]
        if missing:
            raise Unusable(f"the cgroup v2 hierarchy at {root} offers no {' or '.join(missing)} controller "
                           f"(it offers: {' '.join(offered) or 'none'}; a hybrid host binds them to v1)")
        self._enable(root, may_move_self=True)
        self.parent = root / CGROUP_PARENT
        try:
            self.parent.mkdir(exist_ok=True)
        except OSError as error:
            raise Unusable(f"cannot create {self.parent}: {error.strerror}") from None
        self._enable(self.parent, may_move_self=False)
        _remove_stale(self.parent)
        self._limits: dict[str, int] = {}
        self._events: dict[str, int] = {}
        self._peaks: dict[str, int] = {}  # name -> descriptor of memory.peak reset for the current run

    def _enable(self, group: Path, may_move_self: bool) -> None:
        """Hand the memory and pids controllers down from `group` to its children."""
        try:
            enabled = (group / "cgroup.subtree_control").read_text().split()
        except OSError as error:
            raise Unusable(f"cannot read {group / 'cgroup.subtree_control'}: {error.strerror}") from None
        wanted = " ".join(f"+{c}" for c in CONTROLLERS if c not in enabled)
        if not wanted:
            return
        try:
            (group / "cgroup.subtree_control").write_text(wanted)
            return
        except OSError as error:
            if error.errno != errno.EBUSY or not may_move_self:
                raise Unusable(f"cannot enable {wanted} in {group}: {error.strerror}") from None
        # EBUSY: the group holds processes and is not the root ("no internal processes"). If it holds only us,
        # we move into a leaf of our own beside the slot groups, and try again.
        holders = (group / "cgroup.procs").read_text().split()
        if holders != [str(os.getpid())]:
            raise Unusable(f"cannot enable {wanted} in {group}: other processes live there (cgroup v2 lets only a "
                           "group without processes of its own hand controllers down); start the sandbox in a "
                           "cgroup of its own")
        leaf = group / f"{CGROUP_PARENT}-supervisor"
        try:
            leaf.mkdir(exist_ok=True)
            (leaf / "cgroup.procs").write_text(str(os.getpid()))
            (group / "cgroup.subtree_control").write_text(wanted)
        except OSError as error:
            raise Unusable(f"cannot enable {wanted} in {group} even after moving out of it: {error.strerror}") \
                from None

    def create(self, name: str) -> str:
        group = self.parent / name
        group.mkdir(exist_ok=True)
        (group / "memory.oom.group").write_text("1")
        if (group / "memory.swap.max").exists():  # absent when the kernel does not account swap
            (group / "memory.swap.max").write_text("0")
        return name

    def prepare(self, name: str, memory: int, processes: int) -> None:
        group = self.parent / name
        (group / "memory.max").write_text(str(memory))
        (group / "pids.max").write_text(str(processes))
        self._limits[name] = memory
        self.restart(name)

    def restart(self, name: str) -> None:
        group = self.parent / name
        self._events[name] = self._oom_events(name)
        self._close_peak(name)
        try:
            descriptor = os.open(group / "memory.peak", os.O_RDWR)
        except OSError:
            return  # absent (before 5.19) or read-only (before 6.12): no per-run reset
        try:
            os.write(descriptor, b"reset")
        except OSError:
            os.close(descriptor)
            return
        self._peaks[name] = descriptor

    def procs_files(self, name: str) -> list[Path]:
        return [self.parent / name / "cgroup.procs"]

    def _oom_events(self, name: str) -> int:
        try:
            lines = (self.parent / name / "memory.events").read_text().splitlines()
        except OSError:
            return 0
        counts = dict(line.split() for line in lines if len(line.split()) == 2)
        return int(counts.get("oom", 0)) + int(counts.get("oom_kill", 0))

    def oom(self, name: str) -> bool:
        return self._oom_events(name) > self._events.get(name, 0)

    def peak(self, name: str) -> int | None:
        descriptor = self._peaks.get(name)
        try:
            if descriptor is not None:
                return int(os.pread(descriptor, 64, 0))
            lifetime = int((self.parent / name / "memory.peak").read_text())
        except (OSError, ValueError):
            return None
        return min(lifetime, self._limits.get(name, lifetime))

    def _close_peak(self, name: str) -> None:
        descriptor = self._peaks.pop(name, None)
        if descriptor is not None:
            os.close(descriptor)

    def remove(self, name: str) -> None:
        self._close_peak(name)
        try:
            (self.parent / name).rmdir()
        except OSError:
            pass


def _cgroup2_mount(mounts: Path = Path("/proc/self/mounts")) -> Path:
    """Where the cgroup2 hierarchy is mounted: /sys/fs/cgroup on a unified host, elsewhere on a hybrid one."""
    try:
        lines = mounts.read_text().splitlines()
    except OSError:
        return CGROUP_V2_DEFAULT
    rows = (line.split() for line in lines)
    found = [Path(fields[1]) for fields in rows if len(fields) > 2 and fields[2] == "cgroup2"]
    if not found:
        raise Unusable("no cgroup2 hierarchy is mounted")
    return CGROUP_V2_DEFAULT if CGROUP_V2_DEFAULT in found else found[0]


def _remove_stale(parent: Path) -> None:
    """Groups left by processes that died without closing their sandbox (named <pid>-...)."""
    for group in parent.iterdir():
        owner = group.name.split("-")[0]
        if group.is_dir() and owner.isdigit() and not Path(f"/proc/{owner}").exists():
            try:
                group.rmdir()
            except OSError:
                pass
