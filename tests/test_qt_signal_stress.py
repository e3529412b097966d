"""Guard against PySide6 signal reference-count bugs.

PySide6 6.12.0 aborts Python 3.11 after a few hundred emits carrying True/None
(a reference-count bug: the singletons get over-released until the interpreter dies
with "deallocating None"/"deallocating True"). This test emits them many times in a
child process, so a broken binding fails this test instead of killing the test run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

N = 20_000

CHILD = textwrap.dedent(
    """
    import gc, json, sys

    from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

    N = int(sys.argv[1])


    class Emitter(QObject):
        flag = Signal(bool)
        value = Signal(object)
        ping = Signal()


    class Receiver(QObject):
        def __init__(self):
            super().__init__()
            self.counts = {"true": 0, "false": 0, "none": 0, "obj_true": 0,
                           "obj_false": 0, "ping": 0, "lambda": 0, "bad": 0}

        @Slot(bool)
        def on_flag(self, v):
            if v is True:
                self.counts["true"] += 1
            elif v is False:
                self.counts["false"] += 1
            else:
                self.counts["bad"] += 1

        @Slot(object)
        def on_value(self, v):
            if v is None:
                self.counts["none"] += 1
            elif v is True:
                self.counts["obj_true"] += 1
            elif v is False:
                self.counts["obj_false"] += 1
            else:
                self.counts["bad"] += 1

        @Slot()
        def on_ping(self):
            self.counts["ping"] += 1


    app = QCoreApplication(sys.argv[:1])
    emitter, receiver = Emitter(), Receiver()
    emitter.flag.connect(receiver.on_flag)
    emitter.value.connect(receiver.on_value)
    emitter.ping.connect(receiver.on_ping)

    def plain(*args):  # a plain function slot too, not only a decorated method
        receiver.counts["lambda"] += 1

    emitter.value.connect(plain)

    gc.collect()
    before = {k: sys.getrefcount(o) for k, o in (("None", None), ("True", True),
                                                  ("False", False))}
    for _ in range(N):
        emitter.flag.emit(True)
        emitter.flag.emit(False)
        emitter.value.emit(None)
        emitter.value.emit(True)
        emitter.value.emit(False)
        emitter.ping.emit()
    app.processEvents()
    gc.collect()
    after = {k: sys.getrefcount(o) for k, o in (("None", None), ("True", True),
                                                 ("False", False))}
    drift = {k: after[k] - before[k] for k in before}
    print(json.dumps({"counts": receiver.counts, "refcount_drift": drift}))
    """
)


def test_signal_emits_do_not_corrupt_refcounts() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(N)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, (
        f"child exited {proc.returncode} (negative = killed by signal; -6 = abort)\n"
        f"stdout:\n{proc.stdout[-2000:]}\nstderr:\n{proc.stderr[-4000:]}"
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    counts = result["counts"]
    assert counts == {
        "true": N,
        "false": N,
        "none": N,
        "obj_true": N,
        "obj_false": N,
        "ping": N,
        "lambda": 3 * N,
        "bad": 0,
    }
    # A correct binding leaves the singletons' reference counts where they were;
    # a leak or over-release of one reference per emit would show up as ~N here.
    for name, drift in result["refcount_drift"].items():
        assert abs(drift) < 100, f"refcount of {name} drifted by {drift}: {result}"
