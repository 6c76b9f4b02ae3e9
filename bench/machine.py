"""The machine and command a benchmark ran on, printed with its figures."""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path


def describe() -> str:
    """'command: …' and 'machine: CPU model, cores, memory, Python, OS' lines."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line
        ]
        cpu = names[0] if names else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GB RAM"
    return (
        f"command: {' '.join([Path(sys.executable).name, *sys.argv])}\n"
        f"machine: {cpu}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
