/*
 * The controller of intcheck (protocols/controller/model) alone at its `small` exploration preset
 * (engine/explore/explorePresets.ts), in Promela, written for this project from the TypeScript
 * model's rules (spec/controller.md §3–§5; protocols/controller/model step.ts, actions.ts,
 * guards.ts, decode.ts) so that Spin's state count cross-checks the explorer's
 * (bench/spinCompare.ts). Same state variables: ready FIFOs per (process, priority), irqWait FIFOs
 * of (process, task) per line, irqPending per line, ipcWait FIFOs of tasks per (process, type),
 * ipcPending per (process, type), online bits, error bits. One process, one `do` loop, one d_step
 * per event of the explorer's alphabet (protocols/controller/engine/controllerAlphabet.ts, every
 * event enabled in every state), so every event is one atomic transition and every stored state is
 * a state of the TypeScript model. Temporaries are `hidden` (not part of the state vector).
 *
 * (A shift loop is a `do` with its own bound: Spin 6.5 rejects a `for` over an empty range, such
 * as 1 .. B - 1 with B = 1, inside a d_step.)
 *
 * small exploration preset (the defaults below; `spin -DC=4 -DB=2 -DQ=2` gives bench/spinCompare.ts's
 * large one, the same alphabet): N=2 processes, P=2 priorities, C=2 capacity, D=1 line, T=1 IPC type,
 * B=1 wait depth, Q=1 pending, task ids 1..1.
 *
 * Checks: capacityBound's state part as assertions at the end of every event's d_step
 * (occupancy(p) <= C, every blocked queue <= B, every pending counter <= Q).
 */
#ifndef N
#define N 2
#endif
#ifndef P
#define P 2
#endif
#ifndef C
#define C 2
#endif
#ifndef D
#define D 1
#endif
#ifndef T
#define T 1
#endif
#ifndef B
#define B 1
#endif
#ifndef Q
#define Q 1
#endif
#ifndef TASKS
#define TASKS 1
#endif

#define QUEUE_FULL 1
#define WAIT_FULL 2
#define PENDING_OVERFLOW 4
#define BAD_ACCESS 8

byte rq[N * P * C];   /* ready[p * P + k] slots, head first, unused slots 0 */
byte rqlen[N * P];
byte iwp[D * B];      /* irqWait[d]: waiter processes, head first */
byte iwt[D * B];      /* irqWait[d]: waiter tasks */
byte iwlen[D];
byte pend[D];         /* irqPending[d] */
byte ipw[N * T * B];  /* ipcWait[p * T + t]: handler tasks */
byte iplen[N * T];
byte ipp[N * T];      /* ipcPending[p * T + t] */
bit online[N];
byte err;

hidden byte zi, zj, zk, zn, zx;

/* occupancy(p) (§3): ready tasks of p, p's irq waiters and its IPC handlers, into zn */
inline occupancy(p) {
  zn = 0;
  for (zi : 0 .. P - 1) { zn = zn + rqlen[p * P + zi] }
  for (zi : 0 .. D - 1) { for (zj : 0 .. B - 1) { if :: zj < iwlen[zi] && iwp[zi * B + zj] == p -> zn++ :: else -> skip fi } }
  for (zi : 0 .. T - 1) { zn = zn + iplen[p * T + zi] }
}

/* append task t to ready[p][k] */
inline pushReady(p, k, t) {
  rq[(p * P + k) * C + rqlen[p * P + k]] = t;
  rqlen[p * P + k]++
}

inline Enqueue(p, k, t) {
  d_step { occupancy(p); if :: zn >= C -> err = err | QUEUE_FULL :: else -> pushReady(p, k, t) fi; invariants() }
}

/* DEQUEUE of page p: the head of its lowest non-empty ready queue leaves */
inline Dequeue(p) {
  d_step {
    zx = 0;
    for (zk : 0 .. P - 1) {
      if
      :: zx == 0 && rqlen[p * P + zk] > 0 ->
        zx = 1;
        zj = 1; do :: zj < C -> rq[(p * P + zk) * C + zj - 1] = rq[(p * P + zk) * C + zj]; zj++ :: else -> break od;
        rq[(p * P + zk) * C + C - 1] = 0;
        rqlen[p * P + zk]--
      :: else -> skip
      fi
    };
    invariants()
  }
}

inline IrqRegister(p, d, t) {
  d_step {
    occupancy(p);
    if
    :: zn >= C -> err = err | QUEUE_FULL
    :: else ->
      if
      :: pend[d] > 0 -> pend[d]--; pushReady(p, 0, t)
      :: else ->
        if
        :: iwlen[d] >= B -> err = err | WAIT_FULL
        :: else -> iwp[d * B + iwlen[d]] = p; iwt[d * B + iwlen[d]] = t; iwlen[d]++
        fi
      fi
    fi;
    invariants()
  }
}

inline IpcRegister(p, y, t) {
  d_step {
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
    fi;
    invariants()
  }
}

/* an interrupt on line d (§4.1): wake the head waiter, or count, or report the overflow */
inline Irq(d) {
  d_step {
    if
    :: iwlen[d] > 0 ->
      zk = iwp[d * B]; zx = iwt[d * B];
      zj = 1; do :: zj < B -> iwp[d * B + zj - 1] = iwp[d * B + zj]; iwt[d * B + zj - 1] = iwt[d * B + zj]; zj++ :: else -> break od;
      iwp[d * B + B - 1] = 0; iwt[d * B + B - 1] = 0; iwlen[d]--;
      pushReady(zk, 0, zx)
    :: else -> if :: pend[d] < Q -> pend[d]++ :: else -> err = err | PENDING_OVERFLOW fi
    fi;
    invariants()
  }
}

/* IPC_SEND of type y to process q (§4.2; the sender is not recorded) */
inline IpcSend(y, q) {
  d_step {
    if
    :: iplen[q * T + y] > 0 ->
      zx = ipw[(q * T + y) * B];
      zj = 1; do :: zj < B -> ipw[(q * T + y) * B + zj - 1] = ipw[(q * T + y) * B + zj]; zj++ :: else -> break od;
      ipw[(q * T + y) * B + B - 1] = 0; iplen[q * T + y]--;
      pushReady(q, 0, zx)
    :: else -> if :: ipp[q * T + y] < Q -> ipp[q * T + y]++ :: else -> err = err | PENDING_OVERFLOW fi
    fi;
    invariants()
  }
}

/* a STATUS read returns online[p] (read here, so that Spin's dead-variable reduction keeps the bits apart) */
inline StatusRead(p) { d_step { zx = online[p]; invariants() } }
inline StatusWrite(p, v) { d_step { online[p] = v; invariants() } }
inline ErrorRead() { d_step { err = 0; invariants() } }
inline BadAccess() { d_step { err = err | BAD_ACCESS; invariants() } }

/* capacityBound's state part (§3, §5) */
inline invariants() {
  for (zk : 0 .. N - 1) { occupancy(zk); assert(zn <= C) }
  for (zi : 0 .. D - 1) { assert(iwlen[zi] <= B && pend[zi] <= Q) }
  for (zi : 0 .. N * T - 1) { assert(iplen[zi] <= B && ipp[zi] <= Q) };
  zi = 0 /* a statement after the last loop: its exit must stay inside the d_step */
}

init {
  d_step { online[0] = 1 }; /* reset (initialState): process 0 online */
  do
  :: Irq(0)
  :: Dequeue(0)
  :: Enqueue(0, 0, 1)
  :: Enqueue(0, 1, 1)
  :: IrqRegister(0, 0, 1)
  :: IpcRegister(0, 0, 1)
  :: StatusRead(0)
  :: StatusWrite(0, 0)
  :: StatusWrite(0, 1)
  :: Dequeue(1)
  :: Enqueue(1, 0, 1)
  :: Enqueue(1, 1, 1)
  :: IrqRegister(1, 0, 1)
  :: IpcRegister(1, 0, 1)
  :: StatusRead(1)
  :: StatusWrite(1, 0)
  :: StatusWrite(1, 1)
  :: IpcSend(0, 0)
  :: IpcSend(0, 1)
  :: ErrorRead()
  :: BadAccess() /* a read of an unmapped register */
  :: BadAccess() /* ENQUEUE of priority P on page 0 */
  :: BadAccess() /* ENQUEUE of task 0 on page 0 */
  od
}
