/*
 * The wakeup system of intcheck (protocols/wakeup/model) at the `small` preset, in Promela, written
 * for this project from the TypeScript model's rules (spec/controller.md §4.1, §6;
 * protocols/wakeup/model step.ts, actions.ts, guards.ts, enabled.ts, boot.ts) so that Spin's state
 * count cross-checks the explorer's (bench/spinCompare.ts). Same abstraction, same state variables:
 *   controller: ready FIFOs per (process, priority), irqWait FIFOs of (process, task) per line,
 *   irqPending per line, online bits, error bits (the IPC queues stay empty: no IPC event);
 *   harts: phase, process, task;  tasks: life, process, priority, handler line, line waited on.
 * One process, one `do` loop, one d_step per event (guard first), so every event is one atomic
 * transition and every stored state is a state of the TypeScript model. Temporaries are `hidden`
 * (not part of the state vector). Negative indices (-1) are stored shifted by one.
 *
 * small (the defaults below): N=2 processes, P=2 priorities, C=3 capacity, D=2 lines, B=2 wait
 * depth, Q=2 pending, H=2 harts, T=3 task ids. `spin -DT=4` is small with a pool of 4 task ids,
 * `spin -DT=4 -DC=4` that with capacity 4 too (C >= 2; T is 3 or 4: Spawn's and Block's guards,
 * which cannot loop, are written out task by task for those two).
 *
 * Counts: Spin stores one state more than the explorer (the one before the start-up d_step) and
 * two transitions more; otherwise they agree (intcheck's counts from `explore --protocol wakeup
 * --config F.json --json`, F small's full configuration with taskPool / capacity changed):
 *   spin                 pan: stored / transitions   explorer (intcheck explore --json)
 *   (defaults, small)        69,533 /    488,002        69,532 /    488,000
 *   -DT=4                 1,298,357 /  9,792,690     1,298,356 /  9,792,688
 *   -DT=4 -DC=4           1,907,501 / 14,554,402     1,907,500 / 14,554,400
 * pan (gcc -O2 -DSAFETY, ./pan -m1000000) on this machine (2 cores shared, load average 3-10 at the
 * time, so elapsed varies from 1.5 to 3 times user): small depth reached 19,267, 0.18 s, 189 MB total;
 * -DT=4 depth 414,513, elapsed 12.5-18.4 s (user 6.3 s), 332 MB total (state vector 68 bytes);
 * -DT=4 -DC=4 depth 602,758, elapsed 13.7-26.5 s (user 9.5 s), 421 MB total (state vector 76 bytes).
 * The depth-first search goes deep: pan's default -m10000 cuts it ("max search depth too small")
 * and its counts are then wrong; -m1000000 (53 MB of stack) covers all three.
 *
 * Checks: the wakeup state invariants the packed engine judges (engine/packed/), as
 * assertions at the end of every event's d_step (so on every reachable state, adding none):
 * taskInOnePlace, onlyOnlineRun (its state part; its step part, a fetch reading DEQUEUE of an
 * offline process, is asserted inside Fetch before the read) and noStuckSystem. pan's own
 * invalid-end-state check is on too (the `do` loop never blocks: interrupts are always enabled).
 */
#define N 2
#define P 2
#ifndef C
#define C 3
#endif
#define D 2
#define B 2
#define Q 2
#define H 2
#ifndef T
#define T 3
#endif

/* error bits (§5) */
#define QUEUE_FULL 1
#define WAIT_FULL 2
#define PENDING_OVERFLOW 4

/* hart phases and task lives, as model/state.ts orders them */
#define IDLE 0
#define FETCH 1
#define RUNNING 2
#define RETURNING 3
#define FREE 0
#define READY 1
#define TRUNNING 2
#define BLOCKED 3
#define DONE 4

/* controller */
byte rq[N * P * C];        /* ready[p][zk] slots, head first, unused slots 0 */
byte rqlen[N * P];
byte iwp[D * B];           /* irqWait[d]: waiter processes, head first */
byte iwt[D * B];           /* irqWait[d]: waiter tasks */
byte iwlen[D];
byte pend[D];              /* irqPending[d] */
bit online[N];
byte err;

/* harts: phase, process + 1 (0: none), task (0: none) */
byte hph[H];
byte hp[H];
byte ht[H];

/* tasks 1..T at index t-1: life, process + 1, priority, handler line + 1, line waited on + 1 */
byte tl[T];
byte tp[T];
byte tpr[T];
byte th[T];
byte tw[T];

hidden byte zi, zj, zk, zn, zt, zx, zc; /* named apart from the C names pan.c uses (t, …) */

/* occupancy(p) (§3): ready tasks of p plus p's entries in every irqWait, into zn */
inline occupancy(p) {
  zn = 0;
  for (zi : 0 .. P - 1) { zn = zn + rqlen[p * P + zi] }
  for (zi : 0 .. D - 1) { for (zj : 0 .. B - 1) { if :: zj < iwlen[zi] && iwp[zi * B + zj] == p -> zn++ :: else -> skip fi } }
}

/* append task zx to ready[p][zk] */
inline pushReady(p, kk, zx) {
  rq[(p * P + kk) * C + rqlen[p * P + kk]] = zx;
  rqlen[p * P + kk]++
}

/* ENQUEUE_k of task zx on page p (§4, §5) */
inline enqueue(p, kk, zx) {
  occupancy(p);
  if
  :: zn >= C -> err = err | QUEUE_FULL
  :: else -> pushReady(p, kk, zx)
  fi
}

/* IRQ_REGISTER_d of task zx on page p (§4.1, §5) */
inline irqRegister(p, d, zx) {
  occupancy(p);
  if
  :: zn >= C -> err = err | QUEUE_FULL
  :: else ->
    if
    :: pend[d] > 0 -> pend[d]--; pushReady(p, 0, zx)
    :: else ->
      if
      :: iwlen[d] >= B -> err = err | WAIT_FULL
      :: else -> iwp[d * B + iwlen[d]] = p; iwt[d * B + iwlen[d]] = zx; iwlen[d]++
      fi
    fi
  fi
}

/* interrupt on line d (§4.1): wake the head waiter, or count, or report the overflow */
inline irq(d) {
  if
  :: iwlen[d] > 0 ->
    zk = iwp[d * B]; zx = iwt[d * B];
    for (zj : 1 .. B - 1) { iwp[d * B + zj - 1] = iwp[d * B + zj]; iwt[d * B + zj - 1] = iwt[d * B + zj] }
    iwp[d * B + B - 1] = 0; iwt[d * B + B - 1] = 0; iwlen[d]--;
    pushReady(zk, 0, zx)
  :: else ->
    if
    :: pend[d] < Q -> pend[d]++
    :: else -> err = err | PENDING_OVERFLOW
    fi
  fi
}

/* DEQUEUE of page p: the head of the lowest non-empty ready[p][zk], into zx (0 when none) */
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

/* live tasks of process p, into zn */
inline live(p) {
  zn = 0;
  for (zi : 0 .. T - 1) { if :: tp[zi] == p + 1 && (tl[zi] == READY || tl[zi] == TRUNNING || tl[zi] == BLOCKED) -> zn++ :: else -> skip fi }
}

/* the lowest id whose task is free or done, into zt (0: none) */
inline lowestFree() {
  zt = 0;
  for (zi : 0 .. T - 1) { if :: zt == 0 && (tl[zi] == FREE || tl[zi] == DONE) -> zt = zi + 1 :: else -> skip fi }
}

/* claims on line d's blocked queue: its handler and every ordinary task blocked on it, into zn */
inline claims(d) {
  zn = 0;
  for (zi : 0 .. T - 1) { if :: th[zi] == d + 1 || (tl[zi] == BLOCKED && tw[zi] == d + 1) -> zn++ :: else -> skip fi }
}

/* some hart is on process p, into zn */
inline hartOn(p) {
  zn = 0;
  for (zi : 0 .. H - 1) { if :: hp[zi] == p + 1 -> zn = 1 :: else -> skip fi }
}

/* the index of the task hart h holds (wrapped into range when it holds none: only read behind a phase guard) */
#define CUR(h) ((ht[h] + T - 1) % T)

inline clearTemps() { zi = 0; zj = 0; zk = 0; zn = 0; zt = 0; zx = 0; zc = 0 }

/* taskInOnePlace: every task id is in at most one place among the ready queues, the irqWait queues and the harts not fetching */
inline taskInOnePlace() {
  for (zt : 1 .. T) {
    zc = 0;
    for (zi : 0 .. N * P - 1) { for (zj : 0 .. C - 1) { if :: zj < rqlen[zi] && rq[zi * C + zj] == zt -> zc++ :: else -> skip fi } }
    for (zi : 0 .. D - 1) { for (zj : 0 .. B - 1) { if :: zj < iwlen[zi] && iwt[zi * B + zj] == zt -> zc++ :: else -> skip fi } }
    for (zi : 0 .. H - 1) { if :: ht[zi] == zt && hph[zi] != FETCH -> zc++ :: else -> skip fi }
    assert(zc <= 1)
  }
}

/* onlyOnlineRun (state part): no hart runs a task of a process that is offline */
inline onlyOnlineRun() {
  for (zi : 0 .. H - 1) { assert(hph[zi] != RUNNING || (hp[zi] > 0 && online[hp[zi] - 1])) }
}

/* noStuckSystem: when no hart can step, no work is outstanding or an idle hart can be switched (or its process brought online) */
inline noStuckSystem() {
  zn = 0;
  for (zi : 0 .. H - 1) { if :: hph[zi] == FETCH || hph[zi] == RUNNING || hph[zi] == RETURNING -> zn = 1 :: else -> skip fi }
  if
  :: zn == 0 ->
    zk = 0;
    for (zi : 0 .. H - 1) { if :: hph[zi] != IDLE -> zk = 1 :: else -> skip fi }
    for (zi : 0 .. N * P - 1) { if :: rqlen[zi] > 0 -> zk = 1 :: else -> skip fi }
    zx = 0;
    for (zi : 0 .. H - 1) {
      if
      :: hph[zi] == IDLE -> for (zj : 0 .. N - 1) { if :: !online[zj] || hp[zi] != zj + 1 -> zx = 1 :: else -> skip fi }
      :: else -> skip
      fi
    }
    assert(zk == 0 || zx == 1)
  :: else -> skip
  fi
}

/* the state invariants, at the end of every event */
inline invariants() { taskInOnePlace(); onlyOnlineRun(); noStuckSystem(); clearTemps() }

/* the events (model/events.ts), one d_step each, guard first */
inline Irq(d) { d_step { true -> irq(d); invariants() } }

inline StatusOn(p) { d_step { !online[p] -> online[p] = 1; invariants() } }
inline StatusOff(p) { d_step { online[p] && hp[0] != p + 1 && hp[1] != p + 1 -> online[p] = 0; invariants() } }

/* Spawn's guard, task by task (written out: a guard cannot loop): task i free or done; task i alive in p */
#define FREEISH(i) (tl[i] == FREE || tl[i] == DONE)
#define LIVE(i, p) (tp[i] == p + 1 && tl[i] >= READY && tl[i] <= BLOCKED)
#define CLAIM(i, d) (th[i] == d + 1 || (tl[i] == BLOCKED && tw[i] == d + 1))
#if T == 4
#define FREEISH_4 || FREEISH(3)
#define LIVE_4(p) + LIVE(3, p)
#define CLAIM_4(d) + CLAIM(3, d)
#elif T == 3
#define FREEISH_4
#define LIVE_4(p)
#define CLAIM_4(d)
#else
#error "wakeup.pml is written for 3 or 4 tasks (-DT=4)"
#endif
inline Spawn(p, kk) {
  d_step {
    (FREEISH(0) || FREEISH(1) || FREEISH(2) FREEISH_4) && (LIVE(0, p) + LIVE(1, p) + LIVE(2, p) LIVE_4(p)) < C ->
    lowestFree();
    tl[zt - 1] = READY; tp[zt - 1] = p + 1; tpr[zt - 1] = kk; th[zt - 1] = 0; tw[zt - 1] = 0;
    enqueue(p, kk, zt);
    invariants()
  }
}

inline Switch(h, p) {
  d_step { (hph[h] == IDLE || hph[h] == FETCH) && online[p] && hp[h] != p + 1 -> hph[h] = FETCH; hp[h] = p + 1; ht[h] = 0; invariants() }
}

inline Park(h) { d_step { hph[h] == FETCH -> hph[h] = IDLE; hp[h] = 0; ht[h] = 0; invariants() } }

/* the executor reads DEQUEUE; a live task of its process that no hart runs starts running */
inline Fetch(h) {
  d_step {
    hph[h] == FETCH ->
    assert(hp[h] > 0 && online[hp[h] - 1]); /* onlyOnlineRun (step part): DEQUEUE of an online process only */
    dequeue((hp[h] - 1));
    if
    :: zx > 0 && zx <= T && tp[zx - 1] == hp[h] && (tl[zx - 1] == READY || tl[zx - 1] == BLOCKED) ->
      hph[h] = RUNNING; ht[h] = zx; tl[zx - 1] = TRUNNING; tw[zx - 1] = 0
    :: else -> skip
    fi;
    invariants()
  }
}

inline Yield(h) { d_step { hph[h] == RUNNING && th[CUR(h)] == 0 -> hph[h] = RETURNING; tl[CUR(h)] = READY; invariants() } }
inline Finish(h) {
  d_step { hph[h] == RUNNING && th[CUR(h)] == 0 -> tl[CUR(h)] = DONE; tw[CUR(h)] = 0; hph[h] = FETCH; ht[h] = 0; invariants() }
}
inline Handled(h) {
  d_step { hph[h] == RUNNING && th[CUR(h)] > 0 -> hph[h] = RETURNING; tl[CUR(h)] = BLOCKED; tw[CUR(h)] = th[CUR(h)]; invariants() }
}
inline Block(h, d) {
  d_step {
    hph[h] == RUNNING && th[CUR(h)] == 0 &&
    (CLAIM(0, d) + CLAIM(1, d) + CLAIM(2, d) CLAIM_4(d)) < B ->
    hph[h] = RETURNING; tl[CUR(h)] = BLOCKED; tw[CUR(h)] = d + 1;
    invariants()
  }
}

/* the return action: ENQUEUE of a yielded task, IRQ_REGISTER of a blocked one; the hart looks for work */
inline Return(h) {
  d_step {
    hph[h] == RETURNING ->
    zt = ht[h];
    if
    :: tl[zt - 1] == READY -> enqueue((tp[zt - 1] - 1), (tpr[zt - 1]), zt)
    :: else -> irqRegister((tp[zt - 1] - 1), (tw[zt - 1] - 1), zt)
    fi;
    hph[h] = FETCH; ht[h] = 0;
    invariants()
  }
}

init {
  /* start-up (model/boot.ts), before the first stored state: handlers 1 and 2 of lines 0 and 1, blocked and registered; harts on process 0 */
  d_step {
    online[0] = 1;
    tl[0] = BLOCKED; tp[0] = 1; th[0] = 1; tw[0] = 1;
    tl[1] = BLOCKED; tp[1] = 1; th[1] = 2; tw[1] = 2;
    iwp[0] = 0; iwt[0] = 1; iwlen[0] = 1;
    iwp[B] = 0; iwt[B] = 2; iwlen[1] = 1;
    hph[0] = FETCH; hp[0] = 1; hph[1] = FETCH; hp[1] = 1;
    invariants()
  };
  do
  :: Irq(0)
  :: Irq(1)
  :: StatusOn(0)
  :: StatusOn(1)
  :: StatusOff(0)
  :: StatusOff(1)
  :: Spawn(0, 0)
  :: Spawn(0, 1)
  :: Spawn(1, 0)
  :: Spawn(1, 1)
  :: Switch(0, 0)
  :: Switch(0, 1)
  :: Switch(1, 0)
  :: Switch(1, 1)
  :: Park(0)
  :: Park(1)
  :: Fetch(0)
  :: Fetch(1)
  :: Yield(0)
  :: Yield(1)
  :: Finish(0)
  :: Finish(1)
  :: Handled(0)
  :: Handled(1)
  :: Block(0, 0)
  :: Block(0, 1)
  :: Block(1, 0)
  :: Block(1, 1)
  :: Return(0)
  :: Return(1)
  od
}
