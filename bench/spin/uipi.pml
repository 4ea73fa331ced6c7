/*
 * The UIPI system of intcheck (protocols/uipi/model), the model alone, at its `skyloft` exploration
 * preset (protocols/uipi/engine/exploreUipi.ts UIPI_EXPLORE_PRESETS: 1 CPU, 1 receiver, 1 sender
 * with 1 UITT slot, 2 user vectors, vector 1 the Skyloft timer; with -DSKY=0 the plain scenario
 * at the same sizes), in Promela, written for this
 * project from the TypeScript model's rules (spec/uipi.md; protocols/uipi/model step.ts,
 * actions.ts, guards.ts, enabled.ts, state.ts, undoClui.ts; the ghost as protocols/uipi/properties
 * ghost.ts) so that Spin's state count cross-checks the explorer's (bench/spinCompare.ts).
 *
 * Same state variables as the explorer's node (engine/uipiSpace.ts, uipiJudge.ts UipiNode):
 *   receiver: phase, CPU, UIRR, UIF, UINV, handler vector, body done (model/state.ts:71–87);
 *   its UPID: ON, SN, NV, NDST, PIR (state.ts:59–68);
 *   sender: UITT valid bits, the notification it holds (state.ts:90–93);
 *   CPUs: current receiver, processing, APIC-pending vectors (state.ts:96–102);
 *   the IPIs in flight (state.ts:110);
 *   ghost: the undo-CLUI flag (model/undoClui.ts; in the explorer's key) and the owed mask
 *   (properties/ghost.ts nextOwed; in the explorer's covering measure, see below).
 * Left out as they add no state: a receiver's `waiting`/`listed` flags (in the model a function
 * of its phase, state.ts:114–132), a CPU's `other` (always false in the model), the credits
 * (not in the model's key nor measure: uipiGhostMeasure.ts:27–37). The pending vectors and the
 * IPIs in flight are sorted sets in the model; here bit sets over the only vectors they can hold
 * (the timer's 0xe0, the kernel's 0xeb, the notification vector 0xec): the same sets.
 *
 * Counts. The explorer keys a node on the abstract state and the undo flags, and treats the owed
 * masks as a covering measure (engine/explore/coverSet.ts): a node whose key was met before with
 * a superset of its owed bits is not admitted. That is a subsumption a plain Promela model has no
 * counterpart of, and what it prunes depends on the search order (breadth-first there, depth-first
 * in pan). So this model keeps the owed mask in the state vector, as a plain explicit-state
 * search of the same ghost would, and its counts are those of intcheck's search with the owed
 * masks keyed rather than covering (the space uipiSpace builds with its measure appended to the
 * key, as test/protocols/uipi/engine/uipiCovering.test.ts builds it and bench/spinCompare.ts runs
 * it): at skyloft 2,520 states and 8,852 transitions (pan: one state and two transitions more,
 * the start-up d_step, as in the other models). intcheck's default search, with the covering,
 * admits 2,160 nodes (7,584 transitions) over the same 1,920 keys: a key is admitted again only
 * when met later with owed bits the earlier node lacked; 360 of the 2,520 are covered.
 * With `spin -DSKY=0 -a uipi.pml` it is the plain scenario (no timer: SN cleared on return to user,
 * self-IPIs, uintr_wait and its kernel-vector wake) at the same sizes, which intcheck explores from
 * a configuration file ({ ...UIPI_SKYLOFT, timer: -1 }, bench/spinCompare.ts): 34,328 states and
 * 156,340 transitions with the owed masks keyed (pan: 34,329 / 156,342), 30,772 / 140,310 with
 * the covering. With `-DSLOTS=2` the sender has two UITT slots (uittSize 2: slot i sends user
 * vector i, state.ts:135–137): skyloft 10,440 / 52,304 owed keyed (pan 10,441 / 52,306); the plain
 * scenario (`-DSKY=0 -DSLOTS=2`, bench/spinCompare.ts's large UIPI row) 557,792 / 3,212,416 owed
 * keyed (pan 557,793 / 3,212,418; 2.1 s at load 3), 375,232 / 2,156,808 with the covering.
 *
 * One process, one `do` loop, one d_step per event of model/enabled.ts (guard first, exactly the
 * guards of step.ts `rejection`), so every event is one atomic transition and every stored state
 * is a node of the explorer. Temporaries are `hidden`. -1 values are stored shifted by one.
 *
 * Checks (assertions at the end of every event's d_step, so on every reachable state, adding
 * none): uipiNoLoss (U1: an owed vector is in PIR or UIRR) and uipiSuppressedWhileOff (U4: off-CPU
 * and not waiting ⇒ SN = 1; waiting ⇒ NV = the kernel vector). The other properties judge steps
 * (uipiNoFabrication on credits, uipiNotificationDiscipline, uipiNoStrandedPost, uipiNoStuckOn,
 * uipiRouting, uipiMasking, uipiPriority, uipiLocality) or the fair drain (uipiWaitWakes,
 * uipiEventuallyDelivered, uipiTimerRearms): intcheck's only.
 */
#define CPUS 1
#define V 2        /* user vectors */
#ifndef SKY
#define SKY 1      /* the Skyloft timer scenario (config.ts:104–106); spin -DSKY=0: the plain one */
#endif
#define TIMER 1    /* its user vector */
#ifndef SLOTS
#define SLOTS 1    /* UITT slots of the sender (uittSize); spin -DSLOTS=2: two */
#endif
#define UV(i) ((i) % V) /* uittBinding(0, i).uv = (0 · uittSize + i) mod V, its target receiver 0 (state.ts:135–137) */

/* APIC vectors (state.ts:25–29) and their bits in the pending and in-flight sets */
#define NOTIFICATION_VECTOR 236
#define KERNEL_VECTOR 235
#define TIMER_VECTOR 224
#define BT 1
#define BK 2
#define BN 4
#define VBIT(x) ((x) == TIMER_VECTOR -> BT : ((x) == KERNEL_VECTOR -> BK : BN))
#define VEC(b) ((b) == BT -> TIMER_VECTOR : ((b) == BK -> KERNEL_VECTOR : NOTIFICATION_VECTOR))
#define PROGRAMMED_UINV (SKY -> TIMER_VECTOR : NOTIFICATION_VECTOR) /* state.ts:233–235 */

/* receiver phases (state.ts:43–55) */
#define USER 0
#define OUTSN 1
#define OFF 2
#define INRESTORED 3
#define INSNCLEAR 4
#define WAITNV 5
#define WAITCHECKED 6
#define WAITING 7
#define WOKEN 8
#define KERNEL 9

/* receiver 0 and its UPID */
byte ph;
byte rcpu;    /* CPU + 1 (0: off-CPU) */
byte uirr;
bit uif;
byte uinv;
byte hv;      /* handler vector + 1 (0: none) */
bit body;
bit on;
bit sn;
byte nv;
byte ndst;
byte pir;
/* sender 0: UITT valid bits, the held notification as its CPU + 1 (0: none) and vector bit */
byte valid;
byte hc;
byte hb;
/* CPUs */
byte cur[CPUS];   /* receiver + 1 (0: none) */
bit proc[CPUS];
byte pend[CPUS];  /* APIC-pending vectors (BT | BK | BN) */
byte infl[CPUS];  /* IPIs in flight to that CPU */
/* ghost */
byte owed;
bit undo;

hidden byte zv, zc;

/* the receiver's CPU is not processing (guards.ts:71–73) */
#define CPU_IDLE (rcpu == 0 || !proc[rcpu - 1])
#define AT_USER (ph == USER && CPU_IDLE)                 /* guards.ts:75–78 */
#define IN_PHASE(x) (ph == (x) && CPU_IDLE)               /* guards.ts:107–111 */
#define AT_USER_OR_KERNEL (AT_USER || IN_PHASE(KERNEL))   /* guards.ts:98–99 */
#define IN_WAIT (ph == WAITNV || ph == WAITCHECKED || ph == WAITING) /* the `waiting` flag (state.ts:120–132) */

/* uipiNoLoss and uipiSuppressedWhileOff (state parts) */
inline invariants() {
  assert((owed & ~(pir | uirr)) == 0);
  assert(!(rcpu == 0 && !IN_WAIT && !sn));
  assert(!IN_WAIT || nv == KERNEL_VECTOR);
  /* the undo-CLUI flag's meaning (undoClui.ts:1–6): set only while UIF = 0. Its one read here
     also keeps it in the state vector: Spin drops a global no statement reads */
  assert(!undo || !uif)
}

/* SENDUIPI through slot i (step.ts:20–23; actions.ts:56–66); owed |= bit(uv) (ghost.ts:24–29) */
inline Send(i) {
  d_step {
    ((valid >> i) & 1) && hc == 0 ->
    if
    :: !sn && !on -> on = 1; hc = ndst + 1; hb = VBIT(nv)
    :: else -> skip
    fi;
    pir = pir | (1 << UV(i));
    owed = owed | (1 << UV(i));
    invariants()
  }
}

/* the held IPI goes in flight (step.ts:24–26; actions.ts:74–82) */
inline SendIpi() {
  d_step { hc > 0 -> infl[hc - 1] = infl[hc - 1] | hb; hc = 0; hb = 0; invariants() }
}

/* an IPI in flight reaches its CPU's APIC (step.ts:27–29; actions.ts:85–89) */
inline IpiArrive(c, b) {
  d_step { (infl[c] & b) != 0 -> infl[c] = infl[c] & ~b; pend[c] = pend[c] | b; invariants() }
}

/* the CPU takes a pending vector (step.ts:30–33; guards.ts:53–58; actions.ts:96–118) */
inline Accept(c, b) {
  d_step {
    (pend[c] & b) != 0 && !proc[c] && (cur[c] == 0 || ph == USER || ph == KERNEL) ->
    pend[c] = pend[c] & ~b;
    if
    :: cur[c] > 0 && uinv != 0 && uinv == VEC(b) -> on = 0; proc[c] = 1 /* the running thread's UINV: step a */
    :: else ->
      if
      :: b == BK && ph == WAITING && on -> sn = 1; ph = WOKEN /* the kernel vector: wakeWaiters */
      :: else -> skip
      fi
    fi;
    invariants()
  }
}

/* processing steps b and c: PIR swapped into the current thread's UIRR (step.ts:34–36; actions.ts:121–127) */
inline NotifyDrain(c) {
  d_step {
    proc[c] ->
    if
    :: cur[c] > 0 -> uirr = uirr | pir; pir = 0
    :: else -> skip
    fi;
    proc[c] = 0;
    invariants()
  }
}

/* delivery of the highest UIRR vector (guards.ts:80–83; actions.ts:130–134); owed clears it (ghost.ts:30–36) */
inline Deliver() {
  d_step {
    AT_USER && uif && uirr != 0 ->
    zv = 0;
    for (zc : 0 .. V - 1) { if :: (uirr >> zc) & 1 -> zv = zc :: else -> skip fi }
    uirr = uirr & ~(1 << zv); uif = 0; hv = zv + 1; body = 0;
    owed = owed & ~(1 << zv);
    invariants()
  }
}

/* the handler's body; Skyloft's timer handler re-posts its PIR bit (guards.ts:85–88; actions.ts:137–142; ghost.ts:37–43) */
inline HandlerBody() {
  d_step {
    AT_USER && hv > 0 && !body ->
    body = 1;
    if
    :: SKY && hv == TIMER + 1 -> pir = pir | (1 << TIMER); owed = owed | (1 << TIMER)
    :: else -> skip
    fi;
    invariants()
  }
}

/* UIRET, STUI, CLUI (guards.ts:90–96; actions.ts:145–153); the undo-CLUI flag (undoClui.ts:10–15) */
inline Uiret() { d_step { AT_USER && hv > 0 && body -> hv = 0; body = 0; uif = 1; undo = 0; invariants() } }
inline Stui() { d_step { AT_USER && hv == 0 -> uif = 1; undo = 0; invariants() } }
inline Clui() { d_step { AT_USER -> uif = 0; undo = 1; invariants() } }

/* kernel entry and exit (step.ts:72–78; actions.ts:185–201) */
inline KernelEntry() { d_step { AT_USER -> ph = KERNEL; invariants() } }
inline KernelExit() {
  d_step { IN_PHASE(KERNEL) -> ndst = rcpu - 1; ph = INRESTORED; if :: uinv == 0 -> uinv = PROGRAMMED_UINV :: else -> skip fi; invariants() }
}

/* the thread leaves its CPU, saved (actions.ts:167–171) */
inline leaveCpu(phase) { cur[rcpu - 1] = 0; ph = phase; rcpu = 0; uinv = 0 }

/* switch-out (guards.ts:98–99; actions.ts:156–164) */
inline SwitchOutSn() { d_step { AT_USER_OR_KERNEL -> sn = 1; ph = OUTSN; invariants() } }
inline SwitchOutSave() { d_step { IN_PHASE(OUTSN) -> leaveCpu(OFF); invariants() } }

/* switch-in (guards.ts:113–114; actions.ts:174–182, 204–227) */
inline SwitchInRestore(c) {
  d_step { ph == OFF && cur[c] == 0 -> cur[c] = 1; ndst = c; ph = INRESTORED; rcpu = c + 1; uinv = PROGRAMMED_UINV; invariants() }
}
inline SwitchInClearSn() {
  d_step { IN_PHASE(INRESTORED) -> if :: !SKY -> sn = 0 :: else -> skip fi; ph = INSNCLEAR; invariants() }
}
inline SwitchInCheckPir() {
  d_step {
    IN_PHASE(INSNCLEAR) ->
    ph = USER;
    if :: !SKY && (pir != 0 || on) -> pend[rcpu - 1] = pend[rcpu - 1] | BN :: else -> skip fi;
    invariants()
  }
}

/* uintr_wait, the plain scenario only (step.ts:54; guards.ts:104–105; actions.ts:230–262) */
inline WaitSwitchNv() { d_step { !SKY && AT_USER_OR_KERNEL && hv == 0 -> nv = KERNEL_VECTOR; ph = WAITNV; invariants() } }
inline WaitRecheck() {
  d_step {
    IN_PHASE(WAITNV) ->
    if
    :: !on && pir == 0 && uirr == 0 -> ph = WAITCHECKED
    :: else ->
      nv = NOTIFICATION_VECTOR; ph = USER;
      if :: pir != 0 -> pend[rcpu - 1] = pend[rcpu - 1] | BN :: else -> skip fi
    fi;
    invariants()
  }
}
inline WaitSleep() { d_step { IN_PHASE(WAITCHECKED) -> leaveCpu(WAITING); invariants() } }
inline WakeRestoreNv() { d_step { IN_PHASE(WOKEN) -> nv = NOTIFICATION_VECTOR; ph = OFF; invariants() } }

/* sender registration and revocation of slot i (guards.ts:27–31; actions.ts:265–277) */
inline Register(i) { d_step { ((valid >> i) & 1) == 0 -> valid = valid | (1 << i); invariants() } }
inline Revoke(i) { d_step { ((valid >> i) & 1) != 0 -> valid = valid & ~(1 << i); invariants() } }

/* Skyloft: the LAPIC timer fires while a receiver runs at user level there (guards.ts:116–119; actions.ts:280–281) */
inline TimerTick(c) { d_step { SKY && cur[c] > 0 && ph == USER -> pend[c] = pend[c] | BT; invariants() } }

init {
  /* the start state (state.ts:199–230; ghost.ts initialOwed), before the first state the explorer stores */
  d_step {
    ph = USER; rcpu = 1; uirr = 0; uif = 1; uinv = PROGRAMMED_UINV; hv = 0; body = 0;
    on = 0; sn = SKY; nv = NOTIFICATION_VECTOR; ndst = 0;
    if :: SKY -> pir = 1 << TIMER; owed = 1 << TIMER :: else -> pir = 0; owed = 0 fi;
    valid = (1 << SLOTS) - 1; hc = 0; hb = 0; /* every slot valid (state.ts:221) */
    cur[0] = 1;
    invariants()
  };
  do
  :: IpiArrive(0, BK)
  :: IpiArrive(0, BN)
  :: Accept(0, BT)
  :: Accept(0, BK)
  :: Accept(0, BN)
  :: Send(0)
#if SLOTS > 1
  :: Send(1)
  :: Register(1)
  :: Revoke(1)
#endif
  :: SendIpi()
  :: NotifyDrain(0)
  :: Deliver()
  :: HandlerBody()
  :: Uiret()
  :: Stui()
  :: Clui()
  :: SwitchOutSn()
  :: SwitchOutSave()
  :: SwitchInClearSn()
  :: SwitchInCheckPir()
  :: WaitSwitchNv()
  :: WaitRecheck()
  :: WaitSleep()
  :: WakeRestoreNv()
  :: KernelEntry()
  :: KernelExit()
  :: SwitchInRestore(0)
  :: Register(0)
  :: Revoke(0)
  :: TimerTick(0)
  od
}
