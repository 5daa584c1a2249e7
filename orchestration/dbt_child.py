"""Run dbt so that it dies with the process that started it.

Dagster starts `dbt build` as a child process. Killed with SIGKILL, the parent cannot stop it,
and the orphaned build kept the warehouse locked, so the next run failed. On Linux the kernel
can send a child a signal when its parent dies (prctl PR_SET_PDEATHSIG); the setting survives
the exec into dbt. `orchestration/bin/dbt` runs this module in the same process Dagster started.

    COP_DBT=/path/to/dbt python -m orchestration.dbt_child build ...
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux only). The parent is
    the one `orchestration/bin/dbt` saw start it (COP_DBT_PARENT): a parent killed while Python
    was starting is already gone when the request is made, and is caught here."""
    parent = int(os.environ.get("COP_DBT_PARENT") or os.getppid())
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent:  # the parent died before the request took effect
        raise SystemExit("dbt not started: the process that asked for it has already exited")


def main(argv: list[str]) -> None:
    dbt = os.environ["COP_DBT"]
    die_with_parent()
    os.execv(dbt, [dbt, *argv])


if __name__ == "__main__":
    main(sys.argv[1:])
