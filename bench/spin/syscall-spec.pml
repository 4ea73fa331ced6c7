/*
 * The syscall-as-IPC system of intcheck (protocols/syscall/model), the model alone, at the spec's
 * small itself: the syscall exploration preset `spec-small` = SMALL (protocols/controller/model/
 * config/config.ts:84-98; engine/explore/explorePresets.ts:58-59), two system-call dispatchers and
 * two callers, in Promela, written for this project from the TypeScript model's rules (spec/
 * controller.md §4.2; protocols/syscall/model step.ts, actions.ts, guards.ts, enabled.ts, boot.ts,
 * layout.ts; the controller's accesses as protocols/controller/model step.ts, actions.ts,
 * guards.ts, decode.ts) and the explorer's key, so that Spin's state count cross-checks `intcheck
 * explore --protocol syscall --preset spec-small` without `--symmetry` (6,949,360 states,
 * 37,540,400 transitions, diameter 118: docs/exploration.md). bench/spin/syscall.pml is the same
 * system at the narrowed `small` preset (one dispatcher, one caller), where the ghost adds no state.
 *
 * State variables: the explorer's key (protocols/syscall/engine/syscallSpace.ts:82-91) is the
 * model's stateKey (model/stateKey.ts:38-53), the controller ghost's key and the syscall ghost's.
 *   controller (stateKey.ts:30-35 controllerKey): ready FIFOs per (process, priority), ipcWait
 *   FIFOs of handler tasks per (process, type), ipcPending per (process, type), online bits,
 *   error bits. The irqWait queues and irqPending counters are left out: no syscall event
 *   touches them (no Irq, no IRQ_REGISTER), so they keep their reset values in every state;
 *   rings (one per process; the kernel's stays empty): head and tail modulo 2R, per slot its
 *   state, request id, requester, target, argument and result (model/state.ts:17-34);
 *   agents: phase, slot, request id (model/state.ts:56-62);
 *   ghost, per service dispatcher d: gcur[d], greq[d], grqr[d] (below).
 * The controller ghost's key adds no state: for the model it is a function of the state
 * (engine/explore/ghostKey.ts:10-12), as the matching counts below bear out.
 * The syscall ghost's key (syscallGhostKey.ts:31-61) lists, per slot code p * R + i, the request
 * instance published there and not yet freed (bySlot, properties/ghost.ts:62-84) and, per agent,
 * the instance a service dispatcher took and has not answered (held, ghost.ts:87-97), each as
 * (ring, slot, request id, requester, executions, replies), a place holding an instance listed
 * before naming it by its number. Every instance is taken once (SUBMITTED -> TAKEN), completed
 * by its holder while TAKEN and its slot freed only after DONE (a caller reads only a DONE slot);
 * so bySlot[code] exists exactly while the slot is SUBMITTED, TAKEN or DONE, with the slot's
 * fields, executions = (DONE), replies = (DONE and no dispatcher still holds it). What the state
 * forgets is what a holding dispatcher holds: its record says only the slot code and whether it
 * completed (agents' slot and req), and once the caller has read and freed the slot (a reply
 * dispatcher wakes on DONE, before the service's Reply) the slot may be reused by a new request,
 * published, taken by the other dispatcher and DONE again. Hence
 *   gcur[d]: the instance d holds is still its slot's bySlot instance (the key's back reference):
 *     1 from Take (ghost.ts:87-89) until its slot is read (ghost.ts:53-61, 82) or d replies;
 *   greq[d], grqr[d]: that instance's request id and requester + 1 (set at Take, 0 when d holds
 *     nothing): while gcur[d] they equal the slot's, after it the state has lost them (an
 *     instance held after its slot was read has executions 1, replies 0 and d's slot code).
 * These are a function of the key and the key is a function of them and the state, so pan's
 * states are the key's. Without them (the same file with the three made hidden) pan finds the
 * model's own states: 14,016 at `dispatchers` (keyed 15,812: which dispatcher holds the slot's
 * instance), 395,248 with one dispatcher and two callers (keyed 424,912: the id and requester of
 * an instance held after its slot was read), and 2,336,784 states, 12,038,896 transitions at
 * spec-small (keyed 6,949,360; the model's count is the one explorePresets.ts:10-12 gives beside it). Left out
 * of the key and here: the instances' serial numbers and the submitted/consumed totals (they only
 * label messages).
 *
 * One process, one `do` loop, one d_step per candidate event (model/enabled.ts:16-38; guard
 * first, the guard being exactly the conditions step.ts checks, so a d_step is executable exactly
 * when `step` accepts the event), so every event is one atomic transition and every stored state
 * is a state of the TypeScript model. Temporaries are `hidden` (not part of the state vector).
 * Negative values (-1: no slot, no requester) are stored shifted by one. Spin stores the state
 * before the start-up d_step, so pan reports one state and two transitions more than intcheck.
 *
 * spec-small: N=2 processes, P=2 priorities, C=3 capacity, T=2 IPC types, B=2 wait depth, Q=2
 * pending, R=2 ring slots, 2 dispatchers. Layout (model/layout.ts:49-89): process 0 (the kernel)
 * has min(dispatchers, B, C) = 2 service dispatchers and no caller; process 1 has min(R, C - 1)
 * = 2 callers, one reply dispatcher and min(dispatchers, B, C - 1 - 2) = 0 service dispatchers.
 * Agent a has task a + 1: 0 = p0.service0 (task 1), 1 = p0.service1 (task 2), 2 = p1.reply0
 * (task 3), 3 = p1.caller0 (task 4), 4 = p1.caller1 (task 5) (SMALL's taskPool 3 does not bound
 * them: the controller refuses only task 0, decode.ts:171-191). The only call target is process
 * 0; request ids are 1..2 (actions.ts:80-86). The guards that scan rings (submittedFor,
 * wakeableIn) are macros written out for R <= 2 and this layout; Wake wakes the first wakeable
 * caller in index order.
 *
 * Parametric by preprocessor switches (spin -DD=.. -DK=.. -DC=.. -DR=.. -DP=.. -DQ=.. -DB=.. -a):
 * D service dispatchers (1-2), K callers (1-2), C, R (1-2), P, Q, B, for the configurations with
 * this layout (K = min(R, C - 1), no service dispatcher on process 1; #error otherwise). Matches
 * intcheck on every one tried (intcheck states / transitions | pan's), the first six by `node
 * dist/cli/bin.js explore --protocol syscall --preset NAME | --config F.json --json --no-liveness`
 * (SMALL with the fields named changed), spec-small as docs/exploration.md measured it:
 *   tiny        D=1 K=1 C=2 R=1            6,092 / 24,468 |      6,093 / 24,470
 *   small       D=1 K=1 C=2                12,184 / 48,936 |     12,185 / 48,938
 *   dispatchers D=2 K=1 C=2 R=1 P=1 Q=1    15,812 / 70,982 |     15,813 / 70,984
 *   SMALL, dispatchers 1 (D=1)            424,912 / 1,955,824 | 424,913 / 1,955,826
 *   the same, P=1 Q=1 (D=1 P=1 Q=1)       195,280 / 895,776 |   195,281 / 895,778
 *   SMALL, P=1 Q=1 (P=1 Q=1)            3,233,024 / 17,337,536 | 3,233,025 / 17,337,538
 *   spec-small (the defaults)          6,949,360 / 37,540,400 | 6,949,361 / 37,540,402
 *
 * Checks (assertions at the end of every event's d_step, so on every reachable state, adding
 * none): the controller's capacityBound, state part (occupancy(p) <= C, every ipcWait queue <= B,
 * every ipcPending counter <= Q), boundedRing's state part (every ring holds 0..R requests), and
 * the ghost's consistency as argued above. The rest of the syscall properties judge steps and
 * ghost data (exactlyOnceReply, requestConservation, replyRouting, publishBeforeSignal,
 * noLostIpcWakeup, offlineRetention, singleConsumer, syscallNoRegisterWhileRunning, the other
 * controller-step properties) or the leads-to drain (everyRequestAnswered): intcheck's only.
 * pan's invalid-end-state check is on too.
 *
 * Measured (2-core machine shared with other sessions, 2026-12-06): `spin -a syscall-spec.pml &&
 * gcc -O2 -DSAFETY -o pan pan.c && ./pan -m20000000`: State-vector 100 byte (93 stored + 28
 * overhead), depth reached 1,106,172, errors: 0; 6,949,361 states stored, 30,591,041 matched,
 * 37,540,402 transitions; 2,135 MB in all (800.6 MB states, 128 MB hash table -w24, 1,068 MB DFS
 * stack); 26.3 s elapsed (264,033 states/s; 17.3 s user, 1.4 s system, 2.19 GB resident) at load
 * 5.0 (`uptime` 1-min average, others' jobs); again at load 3.4, 17.8 s (390,633 states/s).
 * The depth needs -m of at least 1,106,173 (-m1106172: "max search depth too small");
 * -m1200000: 64 MB of stack, 1,131 MB in all, 22.3 s at load 4.3.
 * (intcheck: 407 s wall, 4.1 GB, for the same states judged by every property; docs/exploration.md.)
 */
#define N 2
#define T 2
#ifndef P
#define P 2
#endif
#ifndef C
#define C 3
#endif
#ifndef B
#define B 2
#endif
#ifndef Q
#define Q 2
#endif
#ifndef R
#define R 2
#endif
#ifndef D
#define D 2
#endif
#ifndef K
#define K 2
#endif

/* the layout this file is written for (layout.ts:49-57): K = callers(p1) = min(R, C - 1), no
   service dispatcher on p1 (C - 1 - K <= 0), D = services(p0) = min(dispatchers, B, C) */
#if K != (R < C - 1 ? R : C - 1)
#error "K must be min(R, C - 1) (layout.ts:49-51)"
#endif
#if C - 1 - K > 0
#error "process 1 would have service dispatchers (layout.ts:54-57): not this layout"
#endif
#if D < 1 || D > 2 || D > B || D > C || K < 1 || K > 2 || R < 1 || R > 2
#error "written for 1 or 2 service dispatchers, 1 or 2 callers, 1 or 2 ring slots"
#endif

#define RA D            /* agent index of p1's reply dispatcher (task D + 1) */
#define C0 (D + 1)      /* agent index of p1's first caller (task D + 2) */
#define A (D + 1 + K)   /* agents */

#define QUEUE_FULL 1
#define WAIT_FULL 2
#define PENDING_OVERFLOW 4

#define SERVICE_TYPE 0
#define REPLY_TYPE 1

/* agent phases (model/state.ts:45-54) */
#define IDLE 0
#define FILLING 1
#define SUBMITTED 2
#define AWAITING 3
#define WOKEN 4
#define READING 5
#define WAITING 6
#define RUNNING 7
#define RETURNING 8

/* slot states (model/state.ts:15) */
#define SFREE 0
#define SFILLING 1
#define SSUBMITTED 2
#define STAKEN 3
#define SDONE 4

/* controller (protocols/controller/model/state.ts:13-34) */
byte rq[N * P * C];   /* ready[p * P + k] slots, head first, unused slots 0 */
byte rqlen[N * P];
byte ipw[N * T * B];  /* ipcWait[p * T + y]: handler tasks, head first */
byte iplen[N * T];
byte ipp[N * T];      /* ipcPending[p * T + y] */
bit online[N];
byte err;

/* rings (model/state.ts:30-34): head, tail modulo 2R; slot p * R + i */
byte rhead[N];
byte rtail[N];
byte sst[N * R];      /* state */
byte sreq[N * R];     /* request id */
byte sreqr[N * R];    /* requester + 1 (0: never used) */
byte stgt[N * R];     /* target process */
byte sarg[N * R];     /* argument */
byte sres[N * R];     /* result */

/* agents (model/state.ts:56-62): phase, slot + 1 (0: none), request id */
byte aph[A];
byte aslot[A];
byte areq[A];

/* ghost (see the header): per service dispatcher, whether the instance it holds is still its
   slot's instance (bySlot), and the request id and requester + 1 of the instance it holds */
bit gcur[D];
byte greq[D];
byte grqr[D];

hidden byte zi, zj, zk, zn, zx;

/* Slots in use of ring p: (tail - head) mod 2R (model/state.ts:89-91) */
#define USED(p) ((rtail[p] + 2 * R - rhead[p]) % (2 * R))

/* occupancy(p) (controller state.ts:70-76): ready tasks of p plus p's IPC handlers (no irq waiters exist), into zn */
inline occupancy(p) {
  zn = 0;
  for (zi : 0 .. P - 1) { zn = zn + rqlen[p * P + zi] }
  for (zi : 0 .. T - 1) { zn = zn + iplen[p * T + zi] }
}

/* append task t to ready[p][k] (controller actions.ts:72-75, 102-109) */
inline pushReady(p, k, t) {
  rq[(p * P + k) * C + rqlen[p * P + k]] = t;
  rqlen[p * P + k]++
}

/* ENQUEUE_k of task t on page p (controller step.ts:24-25, guards.ts:10-12) */
inline enqueue(p, k, t) {
  occupancy(p);
  if
  :: zn >= C -> err = err | QUEUE_FULL
  :: else -> pushReady(p, k, t)
  fi
}

/* DEQUEUE of page p (controller actions.ts:112-126): the head of its lowest non-empty ready queue, into zx (0 when none) */
inline dequeue(p) {
  zx = 0;
  for (zk : 0 .. P - 1) {
    if
    :: zx == 0 && rqlen[p * P + zk] > 0 ->
      zx = rq[(p * P + zk) * C];
      for (zj : 1 .. C - 1) { rq[(p * P + zk) * C + zj - 1] = rq[(p * P + zk) * C + zj] }
      rq[(p * P + zk) * C + C - 1] = 0;
      rqlen[p * P + zk]--
    :: else -> skip
    fi
  }
}

/* IPC_SEND of type y to process q (controller step.ts:37-39; actions.ts:199-222) */
inline ipcSend(y, q) {
  if
  :: iplen[q * T + y] > 0 ->
    zx = ipw[(q * T + y) * B];
    for (zj : 1 .. B - 1) { ipw[(q * T + y) * B + zj - 1] = ipw[(q * T + y) * B + zj] }
    ipw[(q * T + y) * B + B - 1] = 0; iplen[q * T + y]--;
    pushReady(q, 0, zx)
  :: else -> if :: ipp[q * T + y] < Q -> ipp[q * T + y]++ :: else -> err = err | PENDING_OVERFLOW fi
  fi
}

/* IPC_REGISTER of type y, task t on page p (controller step.ts:30-33; actions.ts:152-172) */
inline ipcRegister(p, y, t) {
  occupancy(p);
  if
  :: zn >= C -> err = err | QUEUE_FULL
  :: else ->
    if
    :: ipp[p * T + y] > 0 -> ipp[p * T + y]--; pushReady(p, 0, t)
    :: else ->
      if
      :: iplen[p * T + y] >= B -> err = err | WAIT_FULL
      :: else -> ipw[(p * T + y) * B + iplen[p * T + y]] = t; iplen[p * T + y]++
      fi
    fi
  fi
}

/* the agent is on a hart or owes it a return action (guards.ts:13) */
#define BUSY(a) (aph[a] == FILLING || aph[a] == SUBMITTED || aph[a] == READING || aph[a] == RUNNING || aph[a] == RETURNING)
/* no coroutine of p is busy (guards.ts:26-29): p0 has the service dispatchers 0..D-1, p1 the reply dispatcher and the callers */
#if D == 1
#define PIDLE0 (!BUSY(0))
#else
#define PIDLE0 (!BUSY(0) && !BUSY(1))
#endif
#if K == 1
#define PIDLE1 (!BUSY(RA) && !BUSY(C0))
#else
#define PIDLE1 (!BUSY(RA) && !BUSY(C0) && !BUSY(C0 + 1))
#endif
#define PIDLE(p) ((p) == 0 -> PIDLE0 : PIDLE1)

/* submittedFor(q) >= 0 (guards.ts:64-77): the j-th request from ring p's head is a SUBMITTED slot for q
   (j < USED(p) <= R, so j = 1 is never in use when R = 1) */
#define SLOT_AT(p, j) ((p) * R + (rhead[p] + (j)) % R)
#define SUBMITTED_AT(p, j, q) ((j) < USED(p) && sst[SLOT_AT(p, j)] == SSUBMITTED && stgt[SLOT_AT(p, j)] == (q))
#define WORK_TO_TAKE(q) (SUBMITTED_AT(0, 0, q) || SUBMITTED_AT(0, 1, q) || SUBMITTED_AT(1, 0, q) || SUBMITTED_AT(1, 1, q))

/* caller c (of p1) awaits and its slot is DONE with its request id and it as requester (guards.ts:80-89) */
#define WAKES(c) (aph[c] == AWAITING && aslot[c] > 0 && sst[R + aslot[c] - 1] == SDONE && sreq[R + aslot[c] - 1] == areq[c] && sreqr[R + aslot[c] - 1] == (c) + 1)
/* wakeableIn(1) >= 0: some caller of p1 can be woken */
#if K == 1
#define WAKEABLE (WAKES(C0))
#else
#define WAKEABLE (WAKES(C0) || WAKES(C0 + 1))
#endif

/* capacityBound (state part), boundedRing (state part), and the ghost's own consistency */
inline invariants() {
  for (zk : 0 .. N - 1) { occupancy(zk); assert(zn <= C); assert(USED(zk) <= R) }
  for (zi : 0 .. N * T - 1) { assert(iplen[zi] <= B && ipp[zi] <= Q) };
  /* a slot's result is written by Complete only (actions.ts:183-190); its one read here also keeps
     it in the state vector: Spin drops a global no statement reads */
  for (zi : 0 .. N * R - 1) { assert(sst[zi] == SDONE || sres[zi] == 0) };
  /* ghost: nothing held, nothing remembered; an instance still in its slot has the slot's id and
     requester and is TAKEN or DONE; an instance no longer in its slot was executed (the slot was
     read, so DONE, so completed by its holder) */
  for (zi : 0 .. D - 1) {
    assert(aslot[zi] > 0 || (gcur[zi] == 0 && greq[zi] == 0 && grqr[zi] == 0));
    assert(gcur[zi] == 0 || (aslot[zi] > 0 && sreq[aslot[zi] - 1] == greq[zi] && sreqr[aslot[zi] - 1] == grqr[zi] && sst[aslot[zi] - 1] >= STAKEN));
    assert(aslot[zi] == 0 || gcur[zi] == 1 || areq[zi] == 1)
  };
  zi = 0 /* a statement after the last loop: its exit must stay inside the d_step */
}

/* STATUS write of v to p (step.ts:36-39; guards.ts:21-29; controller actions.ts:239-243) */
inline StatusWrite(p, v) {
  d_step { online[p] != v && (v == 1 || PIDLE(p)) -> online[p] = v; invariants() }
}

/* a hart reads DEQUEUE of p (step.ts:40-42; actions.ts:132-153): a waiting dispatcher of p runs, a woken caller of p reads */
inline Fetch(p) {
  d_step {
    online[p] ->
    dequeue(p);
    if
    :: zx >= 1 && zx <= A ->
      zk = zx - 1; /* agentOfTask (layout.ts:92-95) */
      if
      :: zk <= D && (zk < D -> 0 : 1) == p && aph[zk] == WAITING -> aph[zk] = RUNNING
      :: zk > D && p == 1 && aph[zk] == WOKEN -> aph[zk] = READING
      :: else -> skip
      fi
    :: else -> skip
    fi;
    invariants()
  }
}

/* caller c of p1 takes the tail slot and writes a request for `target` (step.ts:43-53; actions.ts:94-103;
   freshRequestId 80-86: the lowest id of 1..K no outstanding call of p1 uses) */
inline Call(c, target) {
  d_step {
    aph[c] == IDLE && online[1] && USED(1) < R ->
    zx = 0;
    for (zj : 1 .. K) {
      zn = 0;
      for (zk : C0 .. C0 + K - 1) { if :: aph[zk] != IDLE && areq[zk] == zj -> zn = 1 :: else -> skip fi };
      if :: zx == 0 && zn == 0 -> zx = zj :: else -> skip fi
    };
    zi = rtail[1] % R;
    sst[R + zi] = SFILLING; sreq[R + zi] = zx; sreqr[R + zi] = c + 1; stgt[R + zi] = target; sarg[R + zi] = zx; sres[R + zi] = 0;
    rtail[1] = (rtail[1] + 1) % (2 * R);
    aph[c] = FILLING; aslot[c] = zi + 1; areq[c] = zx;
    invariants()
  }
}

/* the caller marks its slot SUBMITTED (step.ts:54-55; actions.ts:106-112) */
inline Publish(c) {
  d_step { aph[c] == FILLING -> sst[R + aslot[c] - 1] = SSUBMITTED; aph[c] = SUBMITTED; invariants() }
}

/* the caller sends IPC type 0 to the target, then awaits, or reads at once if its slot is DONE (step.ts:56-57; actions.ts:121-129) */
inline Signal(c) {
  d_step {
    aph[c] == SUBMITTED ->
    zn = R + aslot[c] - 1;
    aph[c] = (sst[zn] == SDONE -> READING : AWAITING);
    ipcSend(SERVICE_TYPE, stgt[zn]);
    invariants()
  }
}

/* the caller reads and frees its slot; the head moves past FREE slots (step.ts:58-59; actions.ts:156-169);
   ghost (properties/ghost.ts:53-61, 82): the slot's instance leaves bySlot, so a dispatcher still
   holding it (it has yet to reply) now holds an instance no slot has */
inline Read(c) {
  d_step {
    aph[c] == READING ->
    zi = R + aslot[c] - 1;
    sst[zi] = SFREE; sreq[zi] = 0; sreqr[zi] = 0; stgt[zi] = 0; sarg[zi] = 0; sres[zi] = 0;
    for (zj : 0 .. D - 1) { if :: aslot[zj] == zi + 1 -> gcur[zj] = 0 :: else -> skip fi };
    do
    :: USED(1) > 0 && sst[R + rhead[1] % R] == SFREE -> rhead[1] = (rhead[1] + 1) % (2 * R)
    :: else -> break
    od;
    aph[c] = IDLE; aslot[c] = 0; areq[c] = 0;
    invariants()
  }
}

/* service dispatcher d takes the oldest SUBMITTED slot for p0 (step.ts:60-68; actions.ts:172-180; submittedFor guards.ts:64-77);
   ghost (ghost.ts:87-89): it holds that slot's instance */
inline Take(d) {
  d_step {
    aph[d] == RUNNING && aslot[d] == 0 && WORK_TO_TAKE(0) ->
    zx = 255; /* code p * R + i of the first SUBMITTED slot for p0: rings in order, each from its head */
    for (zk : 0 .. N - 1) {
      for (zj : 0 .. R - 1) { if :: zx == 255 && SUBMITTED_AT(zk, zj, 0) -> zx = SLOT_AT(zk, zj) :: else -> skip fi }
    };
    sst[zx] = STAKEN; aslot[d] = zx + 1;
    gcur[d] = 1; greq[d] = sreq[zx]; grqr[d] = sreqr[zx];
    invariants()
  }
}

/* the dispatcher executes its TAKEN slot: result, DONE (step.ts:69-73; guards.ts:106-109; actions.ts:183-190; execute state.ts:84-86) */
inline Complete(d) {
  d_step {
    aph[d] == RUNNING && aslot[d] > 0 && areq[d] == 0 ->
    zx = aslot[d] - 1;
    sst[zx] = SDONE; sres[zx] = sarg[zx] * 2 + stgt[zx] + 1; areq[d] = 1;
    invariants()
  }
}

/* the dispatcher sends the reply (IPC type 1) to the requester's process and lets the slot go (step.ts:74-78; actions.ts:193-203);
   ghost (ghost.ts:93-97): it holds nothing */
inline Reply(d) {
  d_step {
    aph[d] == RUNNING && aslot[d] > 0 && areq[d] == 1 ->
    zn = (aslot[d] - 1) / R; /* the requester's process (ipcSend overwrites zx) */
    ipcSend(REPLY_TYPE, zn);
    aslot[d] = 0; areq[d] = 0;
    gcur[d] = 0; greq[d] = 0; grqr[d] = 0;
    invariants()
  }
}

/* the reply dispatcher wakes (ENQUEUE at priority 0) the first caller, in index order, whose request is DONE
   (step.ts:79-83; actions.ts:206-212; wakeableIn guards.ts:80-89); woken even when the ENQUEUE is refused */
inline Wake() {
  d_step {
    aph[RA] == RUNNING && WAKEABLE ->
    zx = (WAKES(C0) -> C0 : C0 + 1);
    aph[zx] = WOKEN;
    enqueue(1, 0, zx + 1);
    invariants()
  }
}

/* a running dispatcher with no work left stops running (step.ts:84-88; guards.ts:117-121; actions.ts:215-217) */
inline ParkService(d) {
  d_step { aph[d] == RUNNING && aslot[d] == 0 && !WORK_TO_TAKE(0) -> aph[d] = RETURNING; invariants() }
}
inline ParkReply() {
  d_step { aph[RA] == RUNNING && !WAKEABLE -> aph[RA] = RETURNING; invariants() }
}

/* its return action: IPC_REGISTER of its type on its process (step.ts:89-90; actions.ts:220-225) */
inline Return(a, p, y) {
  d_step { aph[a] == RETURNING -> ipcRegister(p, y, a + 1); aph[a] = WAITING; aslot[a] = 0; areq[a] = 0; invariants() }
}

init {
  /* reset (controller state.ts:40-54: process 0 online) and start-up (boot.ts:16-25, 33-42): the
     dispatchers register for their types in agent order, the kernel brings process 1 online;
     before the first state the explorer stores */
  d_step {
    online[0] = 1;
    for (zx : 0 .. D - 1) { ipcRegister(0, SERVICE_TYPE, zx + 1); aph[zx] = WAITING };
    ipcRegister(1, REPLY_TYPE, RA + 1);
    aph[RA] = WAITING;
    online[1] = 1;
    invariants()
  };
  /* the candidate events (enabled.ts:16-38), one d_step each */
  do
  :: StatusWrite(0, 0)
  :: StatusWrite(0, 1)
  :: StatusWrite(1, 0)
  :: StatusWrite(1, 1)
  :: Fetch(0)
  :: Fetch(1)
  :: Take(0)
  :: Complete(0)
  :: Reply(0)
  :: ParkService(0)
  :: Return(0, 0, SERVICE_TYPE)
#if D == 2
  :: Take(1)
  :: Complete(1)
  :: Reply(1)
  :: ParkService(1)
  :: Return(1, 0, SERVICE_TYPE)
#endif
  :: Wake()
  :: ParkReply()
  :: Return(RA, 1, REPLY_TYPE)
  :: Call(C0, 0)
  :: Publish(C0)
  :: Signal(C0)
  :: Read(C0)
#if K == 2
  :: Call(C0 + 1, 0)
  :: Publish(C0 + 1)
  :: Signal(C0 + 1)
  :: Read(C0 + 1)
#endif
  od
}
