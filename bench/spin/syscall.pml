/*
 * The syscall-as-IPC system of intcheck (protocols/syscall/model), the model alone, at its `small`
 * exploration preset (engine/explore/explorePresets.ts), in Promela, written for this project from
 * the TypeScript model's rules (spec/controller.md §4.2; protocols/syscall/model step.ts,
 * actions.ts, guards.ts, enabled.ts, boot.ts, layout.ts; the controller's accesses as
 * protocols/controller/model step.ts, actions.ts, guards.ts) so that Spin's state count
 * cross-checks `intcheck explore --protocol syscall` (preset `small`) (bench/spinCompare.ts).
 *
 * Same state variables as the explorer's key (protocols/syscall/engine/syscallSpace.ts:82–91):
 *   controller (model/stateKey.ts controllerKey): ready FIFOs per (process, priority), ipcWait
 *   FIFOs of handler tasks per (process, type), ipcPending per (process, type), online bits,
 *   error bits. The irqWait queues and irqPending counters are left out: no syscall event
 *   touches them (no Irq, no IRQ_REGISTER), so they keep their reset values in every state;
 *   rings (one per process): head and tail modulo 2R, per slot its state, request id, requester,
 *   target, argument and result (model/state.ts:17–34);
 *   agents: phase, slot, request id (model/state.ts:56–62).
 * The key's ghost parts add no state at this preset: the controller ghost is a function of the
 * state (engine/explore/ghostKey.ts:10–12), and with one caller and one service dispatcher the
 * syscall ghost's instances (syscallGhostKey.ts) are determined by the slots and the dispatcher's
 * record — an exploration keyed on the model's stateKey alone finds the same 12,184 states and
 * 48,936 transitions (6,092 and 24,468 at `tiny`). (At `dispatchers` it does not: which of two
 * dispatchers executed an instance is ghost data the state forgets, 15,812 keyed states against
 * 14,016 model states.) bench/spin/syscall-spec.pml is the same system at the spec's small itself
 * (`spec-small`: two dispatchers, two callers) with that ghost as state variables: 6,949,361 /
 * 37,540,402 against intcheck's 6,949,360 / 37,540,400.
 *
 * One process, one `do` loop, one d_step per candidate event (model/enabled.ts:16–38; guard
 * first, the guard being exactly the conditions step.ts checks, so a d_step is executable exactly
 * when `step` accepts the event), so every event is one atomic transition and every stored state
 * is a state of the TypeScript model. Temporaries are `hidden` (not part of the state vector).
 * Negative values (-1: no slot, no requester) are stored shifted by one.
 *
 * small exploration preset: N=2 processes, P=2 priorities, C=2 capacity, T=2 IPC types, B=2 wait
 * depth, Q=2 pending, R=2 ring slots, one service dispatcher. Layout (model/layout.ts:49–89):
 * agent 0 = p0.service0 (task 1, type 0), agent 1 = p1.reply0 (task 2, type 1), agent 2 = p1.caller0 (task 3); the
 * only call target is process 0 (one caller: callers(p) = min(R, C − 1) = 1). The guards that
 * scan rings (workToTake, wakeable) are written out for R = 2 and this layout.
 *
 * Checks (assertions at the end of every event's d_step, so on every reachable state, adding
 * none): the controller's capacityBound, state part (occupancy(p) <= C, every ipcWait queue <= B,
 * every ipcPending counter <= Q), and boundedRing's state part (every ring holds 0..R requests).
 * The rest of the syscall properties judge steps and ghost data (exactlyOnceReply,
 * requestConservation, replyRouting, publishBeforeSignal, noLostIpcWakeup, offlineRetention,
 * singleConsumer, syscallNoRegisterWhileRunning, the other controller-step properties) or the
 * leads-to drain (everyRequestAnswered): intcheck's only. pan's invalid-end-state check is on too.
 */
#define N 2
#define P 2
#define C 2
#define T 2
#define B 2
#define Q 2
#define R 2
#define A 3

#define QUEUE_FULL 1
#define WAIT_FULL 2
#define PENDING_OVERFLOW 4

#define SERVICE_TYPE 0
#define REPLY_TYPE 1

/* agent phases (model/state.ts:45–54) */
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

/* controller (protocols/controller/model/state.ts) */
byte rq[N * P * C];   /* ready[p * P + k] slots, head first, unused slots 0 */
byte rqlen[N * P];
byte ipw[N * T * B];  /* ipcWait[p * T + y]: handler tasks, head first */
byte iplen[N * T];
byte ipp[N * T];      /* ipcPending[p * T + y] */
bit online[N];
byte err;

/* rings (model/state.ts:30–34): head, tail modulo 2R; slot p * R + i */
byte rhead[N];
byte rtail[N];
byte sst[N * R];      /* state */
byte sreq[N * R];     /* request id */
byte sreqr[N * R];    /* requester + 1 (0: never used) */
byte stgt[N * R];     /* target process */
byte sarg[N * R];     /* argument */
byte sres[N * R];     /* result */

/* agents (model/state.ts:56–62): phase, slot + 1 (0: none), request id */
byte aph[A];
byte aslot[A];
byte areq[A];

hidden byte zi, zj, zk, zn, zx;

/* Slots in use of ring p: (tail − head) mod 2R (model/state.ts:89–91) */
#define USED(p) ((rtail[p] + 2 * R - rhead[p]) % (2 * R))

/* occupancy(p) (controller state.ts:70–76): ready tasks of p plus p's IPC handlers (no irq waiters exist), into zn */
inline occupancy(p) {
  zn = 0;
  for (zi : 0 .. P - 1) { zn = zn + rqlen[p * P + zi] }
  for (zi : 0 .. T - 1) { zn = zn + iplen[p * T + zi] }
}

/* append task t to ready[p][k] (controller actions.ts:72–75, 102–109) */
inline pushReady(p, k, t) {
  rq[(p * P + k) * C + rqlen[p * P + k]] = t;
  rqlen[p * P + k]++
}

/* ENQUEUE_k of task t on page p (controller step.ts:24–25) */
inline enqueue(p, k, t) {
  occupancy(p);
  if
  :: zn >= C -> err = err | QUEUE_FULL
  :: else -> pushReady(p, k, t)
  fi
}

/* DEQUEUE of page p (controller actions.ts:112–126): the head of its lowest non-empty ready queue, into zx (0 when none) */
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

/* IPC_SEND of type y to process q (controller step.ts:37–39, actions.ts:199–222) */
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

/* IPC_REGISTER of type y, task t on page p (controller step.ts:30–33, actions.ts:152–172) */
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
/* no coroutine of p is busy (guards.ts:26–29; p0: agent 0, p1: agents 1 and 2) */
#define PIDLE(p) ((p) == 0 -> !BUSY(0) : (!BUSY(1) && !BUSY(2)))

/* submittedFor(q) >= 0 (guards.ts:64–77): the j-th request from ring p's head is a SUBMITTED slot for q */
#define SLOT_AT(p, j) ((p) * R + (rhead[p] + (j)) % R)
#define SUBMITTED_AT(p, j, q) ((j) < USED(p) && sst[SLOT_AT(p, j)] == SSUBMITTED && stgt[SLOT_AT(p, j)] == (q))
#define WORK_TO_TAKE(q) (SUBMITTED_AT(0, 0, q) || SUBMITTED_AT(0, 1, q) || SUBMITTED_AT(1, 0, q) || SUBMITTED_AT(1, 1, q))

/* wakeableIn(1) >= 0 (guards.ts:80–89): the one caller of p1 (agent 2) awaits and its slot is DONE with its request */
#define WAKEABLE (aph[2] == AWAITING && aslot[2] > 0 && sst[R + aslot[2] - 1] == SDONE && sreq[R + aslot[2] - 1] == areq[2] && sreqr[R + aslot[2] - 1] == 3)

/* capacityBound (state part) and boundedRing (state part) */
inline invariants() {
  for (zk : 0 .. N - 1) { occupancy(zk); assert(zn <= C); assert(USED(zk) <= R) }
  for (zi : 0 .. N * T - 1) { assert(iplen[zi] <= B && ipp[zi] <= Q) };
  /* a slot's result is written by Complete only (actions.ts:183–190); its one read here also keeps
     it in the state vector: Spin drops a global no statement reads */
  for (zi : 0 .. N * R - 1) { assert(sst[zi] == SDONE || sres[zi] == 0) };
  zi = 0 /* a statement after the last loop: its exit must stay inside the d_step */
}

/* STATUS write of v to p (step.ts:36–39; guards.ts:21–29; controller actions.ts:239–243) */
inline StatusWrite(p, v) {
  d_step { online[p] != v && (v == 1 || PIDLE(p)) -> online[p] = v; invariants() }
}

/* a hart reads DEQUEUE of p (step.ts:40–42; actions.ts:132–153): a waiting dispatcher of p runs, a woken caller of p reads */
inline Fetch(p) {
  d_step {
    online[p] ->
    dequeue(p);
    if
    :: zx >= 1 && zx <= A ->
      zk = zx - 1;
      if
      :: (zk == 0 && p == 0 || zk == 1 && p == 1) && aph[zk] == WAITING -> aph[zk] = RUNNING
      :: zk == 2 && p == 1 && aph[zk] == WOKEN -> aph[zk] = READING
      :: else -> skip
      fi
    :: else -> skip
    fi;
    invariants()
  }
}

/* caller 2 of p1 takes the tail slot and writes a request for `target` (step.ts:43–53; actions.ts:94–103, freshRequestId 80–86) */
inline Call(target) {
  d_step {
    aph[2] == IDLE && online[1] && USED(1) < R ->
    zi = rtail[1] % R;
    zx = ((aph[2] != IDLE && areq[2] == 1) -> 0 : 1); /* the lowest id of 1..callers(p1) no outstanding call uses */
    sst[R + zi] = SFILLING; sreq[R + zi] = zx; sreqr[R + zi] = 3; stgt[R + zi] = target; sarg[R + zi] = zx; sres[R + zi] = 0;
    rtail[1] = (rtail[1] + 1) % (2 * R);
    aph[2] = FILLING; aslot[2] = zi + 1; areq[2] = zx;
    invariants()
  }
}

/* the caller marks its slot SUBMITTED (step.ts:54–55; actions.ts:106–112) */
inline Publish() {
  d_step { aph[2] == FILLING -> sst[R + aslot[2] - 1] = SSUBMITTED; aph[2] = SUBMITTED; invariants() }
}

/* the caller sends IPC type 0 to the target, then awaits, or reads at once if its slot is DONE (step.ts:56–57; actions.ts:121–129) */
inline Signal() {
  d_step {
    aph[2] == SUBMITTED ->
    zn = R + aslot[2] - 1;
    aph[2] = (sst[zn] == SDONE -> READING : AWAITING);
    ipcSend(SERVICE_TYPE, stgt[zn]);
    invariants()
  }
}

/* the caller reads and frees its slot; the head moves past FREE slots (step.ts:58–59; actions.ts:156–169) */
inline Read() {
  d_step {
    aph[2] == READING ->
    zi = R + aslot[2] - 1;
    sst[zi] = SFREE; sreq[zi] = 0; sreqr[zi] = 0; stgt[zi] = 0; sarg[zi] = 0; sres[zi] = 0;
    do
    :: USED(1) > 0 && sst[R + rhead[1] % R] == SFREE -> rhead[1] = (rhead[1] + 1) % (2 * R)
    :: else -> break
    od;
    aph[2] = IDLE; aslot[2] = 0; areq[2] = 0;
    invariants()
  }
}

/* service dispatcher 0 takes the oldest SUBMITTED slot for p0 (step.ts:60–68; actions.ts:172–180; submittedFor guards.ts:64–77) */
inline Take() {
  d_step {
    aph[0] == RUNNING && aslot[0] == 0 && WORK_TO_TAKE(0) ->
    zx = 255; /* code p * R + i of the first SUBMITTED slot for p0: rings in order, each from its head */
    for (zk : 0 .. N - 1) {
      for (zj : 0 .. R - 1) { if :: zx == 255 && SUBMITTED_AT(zk, zj, 0) -> zx = SLOT_AT(zk, zj) :: else -> skip fi }
    }
    sst[zx] = STAKEN; aslot[0] = zx + 1;
    invariants()
  }
}

/* the dispatcher executes its TAKEN slot: result, DONE (step.ts:69–73; actions.ts:183–190; execute state.ts:84–86) */
inline Complete() {
  d_step {
    aph[0] == RUNNING && aslot[0] > 0 && areq[0] == 0 ->
    zx = aslot[0] - 1;
    sst[zx] = SDONE; sres[zx] = sarg[zx] * 2 + stgt[zx] + 1; areq[0] = 1;
    invariants()
  }
}

/* the dispatcher sends the reply (IPC type 1) to the requester's process and lets the slot go (step.ts:74–78; actions.ts:193–203) */
inline Reply() {
  d_step {
    aph[0] == RUNNING && aslot[0] > 0 && areq[0] == 1 ->
    zn = (aslot[0] - 1) / R; /* the requester's process (ipcSend overwrites zx) */
    ipcSend(REPLY_TYPE, zn);
    aslot[0] = 0; areq[0] = 0;
    invariants()
  }
}

/* reply dispatcher 1 wakes (ENQUEUE at priority 0) the caller whose request is DONE (step.ts:79–83; actions.ts:206–212) */
inline Wake() {
  d_step { aph[1] == RUNNING && WAKEABLE -> aph[2] = WOKEN; enqueue(1, 0, 3); invariants() }
}

/* a running dispatcher with no work left stops running (step.ts:84–88; guards.ts:117–121; actions.ts:215–217) */
inline ParkService() {
  d_step { aph[0] == RUNNING && aslot[0] == 0 && !WORK_TO_TAKE(0) -> aph[0] = RETURNING; invariants() }
}
inline ParkReply() {
  d_step { aph[1] == RUNNING && !WAKEABLE -> aph[1] = RETURNING; invariants() }
}

/* its return action: IPC_REGISTER of its type on its process (step.ts:89–90; actions.ts:220–225) */
inline Return(a, p, y) {
  d_step { aph[a] == RETURNING -> ipcRegister(p, y, a + 1); aph[a] = WAITING; aslot[a] = 0; areq[a] = 0; invariants() }
}

init {
  /* reset (controller initialState: process 0 online) and start-up (boot.ts:16–42): the
     dispatchers register for their types, the kernel brings process 1 online; before the first
     state the explorer stores */
  d_step {
    online[0] = 1;
    ipcRegister(0, SERVICE_TYPE, 1);
    ipcRegister(1, REPLY_TYPE, 2);
    online[1] = 1;
    aph[0] = WAITING; aph[1] = WAITING; aph[2] = IDLE;
    invariants()
  };
  do
  :: StatusWrite(0, 0)
  :: StatusWrite(0, 1)
  :: StatusWrite(1, 0)
  :: StatusWrite(1, 1)
  :: Fetch(0)
  :: Fetch(1)
  :: Take()
  :: Complete()
  :: Reply()
  :: ParkService()
  :: Return(0, 0, SERVICE_TYPE)
  :: Wake()
  :: ParkReply()
  :: Return(1, 1, REPLY_TYPE)
  :: Call(0)
  :: Publish()
  :: Signal()
  :: Read()
  od
}
