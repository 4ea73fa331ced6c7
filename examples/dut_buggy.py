#!/usr/bin/env python3
"""dut_reference.py with ONE SEEDED BUG (search for "SEEDED BUG"): intcheck conform must catch it.

The design is the reference controller except for `register`, which consumes a pending event
only when two or more are pending, so a single pending interrupt (or IPC) is lost: a task
registered after its event waits forever. Everything else, the protocol loop included, is
imported from dut_reference.py, which is the file to copy when you wrap your own design.

Run it:  npx intcheck conform --dut "python3 examples/dut_buggy.py"
"""
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the examples (an installed package may be read-only)
import dut_reference as reference  # noqa: E402  (after the line above on purpose)


class BuggyController(reference.Controller):
    """The reference controller with the seeded bug in `register`."""

    def register(self, p, task, waiters, pending, i, entry):
        """A registration consumes a pending event at once, or waits in `waiters`."""
        if self.full(p):
            return
        if pending[i] > 1:  # SEEDED BUG: should be > 0, so a single pending interrupt is lost
            pending[i] -= 1
            self.ready[p][0].append(task)
        elif len(waiters) >= self.depth:
            self.error |= reference.WAIT_FULL
            return
        else:
            waiters.append(entry(task))
        self.held[p] += 1


if __name__ == "__main__":
    reference.main(BuggyController, "python-buggy")
