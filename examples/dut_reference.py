#!/usr/bin/env python3
"""A design under test for `intcheck conform`: the reference controller of spec/controller.md,
written in plain Python (standard library only), speaking the intcheck-dut/1 protocol.

Use it as a template for wrapping your own design. Everything specific to the design is in the
`Controller` class: replace its methods with calls into your simulation (a Verilator model, a
cocotb bench, a QEMU device, a C model). The `main` loop is the protocol and can stay as it is:

    stdin  one JSON request per line:  {"op":"read","addr":"0x10000000"}
    stdout one JSON reply per line:    {"ok":true,"data":"0x3"}
    stderr your own log (the suite keeps the last lines for its report and never parses it)

Run it:  npx intcheck conform --dut "python3 examples/dut_reference.py"
"""
import json
import os
import sys
from collections import deque

PROTOCOL = "intcheck-dut/1"
PAGE = 0x1000
QUEUE_FULL, WAIT_FULL, PENDING_OVERFLOW, BAD_ACCESS = 1, 2, 4, 8


class Controller:
    """The controller's registers and queues (spec/controller.md sections 3 to 5)."""

    def __init__(self, cfg):
        self.n, self.prios, self.cap = cfg["processes"], cfg["priorities"], cfg["capacity"]
        self.devices, self.types = cfg["devices"], cfg["ipcTypes"]
        self.depth, self.qmax = cfg["waitDepth"], cfg["pendingMax"]
        self.base = int(cfg["base"], 16)
        self.ready = [[deque() for _ in range(self.prios)] for _ in range(self.n)]
        self.irq_wait = [deque() for _ in range(self.devices)]  # (process, task) per line
        self.irq_pending = [0] * self.devices
        self.ipc_wait = [[deque() for _ in range(self.types)] for _ in range(self.n)]
        self.ipc_pending = [[0] * self.types for _ in range(self.n)]
        self.online = [p == 0 for p in range(self.n)]
        self.held = [0] * self.n  # occupancy: ready plus waiting tasks of each process
        self.error = 0

    def locate(self, addr):
        """(page, offset) of an aligned address inside the register space, else None."""
        rel = addr - self.base
        if rel < 0 or rel >= self.n * PAGE or rel % 8:
            return None
        return rel // PAGE, rel % PAGE

    def bad(self):
        self.error |= BAD_ACCESS
        return 0

    def read(self, addr):
        at = self.locate(addr)
        if at is None:
            return self.bad()
        p, off = at
        if off == 0x000:  # DEQUEUE: head of the highest non-empty priority
            for q in self.ready[p]:
                if q:
                    self.held[p] -= 1
                    return q.popleft()
            return 0
        if off == 0xF00:  # ERROR: read and clear
            bits, self.error = self.error, 0
            return bits
        if off == 0xF08:  # STATUS
            return int(self.online[p])
        return self.bad()

    def write(self, addr, data):
        at = self.locate(addr)
        if at is None:
            return self.bad()
        p, off = at
        if off == 0xF08:  # STATUS: bit 0 is online[p]
            self.online[p] = bool(data & 1)
        elif 0x008 <= off < 0x800:  # ENQUEUE_k
            k = (off - 0x008) // 8
            if k >= self.prios or data == 0:
                return self.bad()
            if self.full(p):
                return
            self.ready[p][k].append(data)
            self.held[p] += 1
        elif off == 0x800:  # IPC_SEND: (type << 32) | target process
            t, q = data >> 32, data & 0xFFFFFFFF
            if t >= self.types or q >= self.n:
                return self.bad()
            if self.ipc_wait[q][t]:
                self.ready[q][0].append(self.ipc_wait[q][t].popleft())
            else:
                self.ipc_pending[q][t] = self.count(self.ipc_pending[q][t])
        elif 0x808 <= off < 0x900:  # IPC_REGISTER_t
            t = (off - 0x808) // 8
            if t >= self.types or data == 0:
                return self.bad()
            self.register(p, data, self.ipc_wait[p][t], self.ipc_pending[p], t, lambda w: w)
        elif 0x900 <= off < 0xF00:  # IRQ_REGISTER_d
            d = (off - 0x900) // 8
            if d >= self.devices or data == 0:
                return self.bad()
            self.register(p, data, self.irq_wait[d], self.irq_pending, d, lambda w: (p, w))
        else:  # DEQUEUE, ERROR (read-only) and unmapped offsets
            return self.bad()

    def irq(self, line):
        """One interrupt edge: wake the oldest waiter, or count it, or report the overflow."""
        if self.irq_wait[line]:
            p, task = self.irq_wait[line].popleft()
            self.ready[p][0].append(task)
        else:
            self.irq_pending[line] = self.count(self.irq_pending[line])

    def full(self, p):
        if self.held[p] >= self.cap:
            self.error |= QUEUE_FULL
            return True
        return False

    def count(self, pending):
        if pending >= self.qmax:
            self.error |= PENDING_OVERFLOW
            return pending
        return pending + 1

    def register(self, p, task, waiters, pending, i, entry):
        """A registration consumes a pending event at once, or waits in `waiters`."""
        if self.full(p):
            return
        if pending[i] > 0:
            pending[i] -= 1
            self.ready[p][0].append(task)
        elif len(waiters) >= self.depth:
            self.error |= WAIT_FULL
            return
        else:
            waiters.append(entry(task))
        self.held[p] += 1


NAME = "python-reference"


def handle(req, ctrl, design=Controller, name=NAME):
    """The reply line to one request, and the controller after it (a reset builds a new `design`)."""
    op = req.get("op")
    if op == "read":
        return '{"ok":true,"data":"0x%x"}' % ctrl.read(int(req["addr"], 16)), ctrl
    if op == "write":
        ctrl.write(int(req["addr"], 16), int(req["data"], 16))
    elif op == "irq":
        if not 0 <= req["line"] < ctrl.devices:
            return json.dumps({"ok": False, "error": "no such interrupt line"}), ctrl
        ctrl.irq(req["line"])
    elif op == "reset":
        ctrl = design(req["config"])
    elif op == "hello":
        return json.dumps({"ok": True, "name": name, "protocol": PROTOCOL}), ctrl
    elif op != "bye":
        return json.dumps({"ok": False, "error": "unknown op %r" % op}), ctrl
    return '{"ok":true}', ctrl


def main(design=Controller, name=NAME):
    """Answers every request already in the pipe, then writes all their replies at once: the suite
    keeps several requests in flight, and one write per batch is much cheaper than one per reply.
    `design` is the controller class a reset builds, `name` what hello answers."""
    ctrl = None
    rest = b""
    while True:
        chunk = os.read(0, 1 << 16)
        if not chunk:
            return
        *lines, rest = (rest + chunk).split(b"\n")
        replies = []
        bye = False
        for line in lines:
            try:
                req = json.loads(line)
                reply, ctrl = handle(req, ctrl, design, name)
                bye = req.get("op") == "bye"
            except (ValueError, KeyError, TypeError, AttributeError) as e:  # a request it cannot execute
                reply = json.dumps({"ok": False, "error": "%s: %s" % (type(e).__name__, e)})
            replies.append(reply + "\n")
            if bye:
                break
        sys.stdout.write("".join(replies))
        sys.stdout.flush()
        if bye:
            return


if __name__ == "__main__":
    main()
