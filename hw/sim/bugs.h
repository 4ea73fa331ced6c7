// bugs.h: the seeded bugs of hw/rtl (selected at run time through intc_top's bug_sel_i), by
// number, name and a one-sentence description. The numbers are intc_pkg::BUG_* in
// hw/rtl/intc_pkg.sv, in the same order. A formal-only bug needs two inputs in one cycle, or
// in consecutive cycles, which the DUT protocol never produces (one request completes before
// the next): `--list-bugs` marks it, and conform is not expected to catch it.
#pragma once

#include <cstdint>

struct SeededBug {
    uint8_t id;
    const char* name;
    bool formalOnly;
    const char* description;
};

static const SeededBug SEEDED_BUGS[] = {
    {1, "full-off-by-one", false,
     "QUEUE_FULL is raised one task early: the occupancy comparison uses C-1 instead of C."},
    {2, "ring-ptr-no-wrap", false,
     "The blocked-queue ring's write slot (head + count) is not wrapped modulo B, so a waiter "
     "written after the ring went round lands in the next ring's slots."},
    {3, "prio-enc-reversed", false,
     "DEQUEUE's priority encoder picks the highest-numbered non-empty priority instead of the "
     "lowest."},
    {4, "pending-wraps", false,
     "A pending counter increments past Q and wraps at its width instead of saturating with "
     "PENDING_OVERFLOW."},
    {5, "waiter-pop-tail", false,
     "A wake pops the newest waiter of a blocked queue (its tail) instead of the oldest."},
    {6, "error-not-cleared", false,
     "A read of ERROR returns the bits but does not clear them."},
    {7, "edge-lost-on-accept", false,
     "An interrupt edge sampled at the clock edge that takes a bus request into the request "
     "latch is dropped (the latch's enable shadows the edge counter's)."},
    {8, "free-leak-on-refuse", false,
     "A write refused with QUEUE_FULL or WAIT_FULL pops an entry off the free list and never "
     "returns it, so the task memory runs out."},
    {9, "wake-to-kernel", false,
     "A woken task goes to priority 0 of process 0 instead of the process that registered it."},
    {10, "send-target-truncated", false,
     "IPC_SEND checks its target process on the low bits of the field only, so a target >= N "
     "aliases a valid process instead of a BAD_ACCESS."},
    {11, "unaligned-ignored", false,
     "The address decoder ignores the three low address bits, so an unaligned access acts on "
     "the aligned register instead of being a BAD_ACCESS."},
    {12, "edge-take-race", true,
     "[formal-only] A new edge of a line in the same cycle as the controller takes that line's "
     "previous edge is not counted."},
    {13, "edge-one-per-cycle", true,
     "[formal-only] When several lines rise in the same cycle, only the lowest one is counted."},
};

static const unsigned SEEDED_BUG_COUNT = sizeof(SEEDED_BUGS) / sizeof(SEEDED_BUGS[0]);
