"""Caps on the expensive requests: the indicator downloads (a Dash callback that builds a CSV or
an XLSX), the leadership PDF and the sign-in form (one scrypt hash, 128 MiB).

A `Gate` lets at most `slots` such requests of one kind run at once in a gunicorn worker; a
request that finds no free slot within `wait` seconds is answered 503 with `Retry-After` at
once, so it never queues behind the others on gunicorn's threads. `run_limited` also gives the
work a time limit: the work runs on a thread of its own and, when it is not done after `timeout`
seconds, the request is answered 503 and its thread freed for the next request. Python cannot
stop the work itself, so the slot stays taken until it ends: a slow kind of work can never hold
more than its slots.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import flask

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


@dataclass
class Gate:
    name: str
    slots: int
    wait: float = 0.5
    timeout: float = 30.0
    _free: threading.BoundedSemaphore = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._free = threading.BoundedSemaphore(self.slots)

    def enter(self) -> bool:
        return self._free.acquire(timeout=self.wait)

    def leave(self) -> None:
        self._free.release()


def busy(text: str, retry_after: int = RETRY_AFTER_SECONDS, status: int = 503) -> flask.Response:
    response = flask.Response(text + "\n", status=status, mimetype="text/plain; charset=utf-8")
    response.headers["Retry-After"] = str(retry_after)
    return response


def run_limited(gate: Gate, view: Callable[[], object]) -> flask.Response:
    """`view()` under `gate`'s cap and time limit (in this request's context)."""
    if not gate.enter():
        log.warning("%s refused: all %d slots busy (client %s)", gate.name, gate.slots, _client())
        return busy(f"Busy: too many {gate.name} requests at once, try again shortly.")
    flask.request.get_data(cache=True)  # read the body here, before this thread may answer
    outcome: dict[str, object] = {}
    done = threading.Event()
    work = flask.copy_current_request_context(lambda: flask.make_response(view()))

    def run() -> None:
        try:
            outcome["response"] = work()
        except BaseException as error:  # handed to the request's thread below
            outcome["error"] = error
        finally:
            gate.leave()
            done.set()

    threading.Thread(target=run, name=f"limited-{gate.name}", daemon=True).start()
    if not done.wait(gate.timeout):
        log.warning("%s took over %.0f s: answered 503 (client %s)", gate.name, gate.timeout,
                    _client())  # fmt: skip
        return busy(f"The {gate.name} took too long; try again later.", retry_after=30)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["response"]  # type: ignore[return-value]


def _client() -> str:
    return flask.request.remote_addr or "?"
