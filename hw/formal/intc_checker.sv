// intc_checker: the §6 properties of spec/controller.md as assertions over the bus, the interrupt
// lines, the step outputs and (optionally) the observation port of a controller with the register
// map of §4. Not a second model: the checker keeps small shadow counters (tasks per ready list,
// waiters per blocked queue with the owner process of each irq waiter, pending counters, error
// bits) and follows one watched task instance, chosen by $anyconst (its id wid, unique by the
// environment's assumption), through the queues with a count of the instances ahead of it.
// Every step's effect on the counters is §4's, decided from the counters alone (capacity,
// pending, ring fill), so the checker never needs a task id other than wid.
//
// The order of events (the linearisation; docs/hardware.md "Interrupt edges and the order of
// events", rules 1-3): an edge of line d is sampled at a clock edge where irq_i[d] is 1 and was 0
// at the previous one (the line's level during reset counts as the previous value). The design
// announces each step as it starts (step_valid_i; step_irq_i and step_line_i for an edge), and
// the checker applies the step's effect at that clock edge. An edge sampled at a clock edge
// before the one at which an access starts is ordered before the access, and must therefore have
// been taken before it (noLostWakeup_A); an edge sampled at that clock edge or later comes after
// it. The access of a step is the one the checker saw taken at the last handshake; its response
// is judged against expectations fixed when the step started.
//
// Naming: assertions end in _A, assumptions in _M; each group of assertions carries the §6
// property id it checks.
module intc_checker #(
  parameter int unsigned N       = 2,
  parameter int unsigned P       = 2,
  parameter int unsigned C       = 3,
  parameter int unsigned D       = 2,
  parameter int unsigned T       = 2,
  parameter int unsigned B       = 2,
  parameter int unsigned Q       = 2,
  parameter logic [63:0] BASE    = 64'h1000_0000,
  parameter int unsigned EDGE_W  = 8,    // the design's per-line edge backlog counter width
  parameter int unsigned MAX_LAT = 2,    // cycles from a step's start to its response
  parameter int unsigned HAS_OBS = 1,    // the design has the observation port (intc_top's obs_*)
  parameter int unsigned HAS_PROBES = 0, // probe_* are bound (intc_probes): the induction invariants
  // Derived widths (as in intc_top).
  parameter int unsigned DW  = (D > 1) ? $clog2(D) : 1,
  parameter int unsigned OW  = $clog2(C + 1),
  parameter int unsigned CW  = $clog2(B + 1),
  parameter int unsigned PDW = $clog2(Q + 1),
  parameter int unsigned FW  = $clog2(N * C + 1),
  parameter int unsigned PAW = ((N * C) > 1) ? $clog2(N * C) : 1
) (
  input  logic                   clk_i,
  input  logic                   rst_ni,
  input  logic                   req_valid_i,
  input  logic                   req_ready_i,
  input  logic                   req_write_i,
  input  logic [63:0]            req_addr_i,
  input  logic [63:0]            req_wdata_i,
  input  logic                   rsp_valid_i,
  input  logic [63:0]            rsp_rdata_i,
  input  logic [D-1:0]           irq_i,
  input  logic                   step_valid_i,
  input  logic                   step_irq_i,
  input  logic [DW-1:0]          step_line_i,
  input  logic [3:0]             obs_err_i,
  input  logic [N*OW-1:0]        obs_occ_i,
  input  logic [N*P-1:0]         obs_ready_nonempty_i,
  input  logic [(D+N*T)*CW-1:0]  obs_wait_count_i,
  input  logic [(D+N*T)*PDW-1:0] obs_pending_i,
  input  logic [FW-1:0]          obs_free_i,
  // Probes of the design's inside, for the induction invariants only (see intc_probes).
  input  logic [D*EDGE_W-1:0]    probe_edge_cnt_i,
  input  logic                   probe_latched_i,
  input  logic                   probe_busy_acc_i,
  input  logic                   probe_busy_edge_i,
  input  logic                   probe_init_i,
  input  logic [PAW-1:0]         probe_init_idx_i,
  input  logic                   probe_bad_state_i,
  // To the environment.
  output logic                   outstanding_o,
  output logic [63:0]            wid_o
);
  localparam int unsigned PW  = (N > 1) ? $clog2(N) : 1;
  localparam int unsigned KW  = (P > 1) ? $clog2(P) : 1;
  localparam int unsigned WQ  = D + N * T;
  localparam int unsigned QW  = (WQ > 1) ? $clog2(WQ) : 1;
  localparam int unsigned L   = N * P;
  localparam int unsigned XW  = OW + CW + 1;          // instances ahead of the watched one
  localparam int unsigned SW  = OW + CW + 4;          // occupancy sums
  localparam int unsigned EC  = EDGE_W + 1;           // shadow edge backlog
  localparam int unsigned LW  = 4;                    // latency counters
  localparam int unsigned WW  = $clog2(N * C + 8) + 1;  // cycles an access waits unstarted

  // Watched instance locations.
  localparam logic [1:0] W_NONE = 2'd0, W_READY = 2'd1, W_WAIT = 2'd2, W_GONE = 2'd3;

  (* anyconst *) logic [63:0] wid;
  assign wid_o = wid;

  // -------------------------------------------------------------------------------------------
  // The checker's own copy of the access taken at the last handshake.
  logic        cq_valid_q, cq_started_q, cq_write_q;
  logic [63:0] cq_addr_q, cq_wdata_q;
  logic        hs;
  assign hs = req_valid_i && req_ready_i;
  assign outstanding_o = cq_valid_q;

  // -------------------------------------------------------------------------------------------
  // Decode of the latched access (§4, §4.3), independent of the design's decoder.
  localparam logic [3:0] A_BAD = 4'd0, A_DEQ = 4'd1, A_ENQ = 4'd2, A_SEND = 4'd3, A_IPCREG = 4'd4,
                         A_IRQREG = 4'd5, A_ERR = 4'd6, A_STAT_RD = 4'd7, A_STAT_WR = 4'd8;
  logic [3:0]    a_op;
  logic [PW-1:0] a_page;
  logic [KW-1:0] a_prio;
  logic [QW-1:0] a_ring;
  logic [63:0]   a_rel;
  logic [11:0]   a_off;
  logic          a_in;
  always_comb begin
    a_rel  = cq_addr_q - BASE;
    a_in   = cq_addr_q >= BASE && a_rel < 64'(N) * 64'h1000 && cq_addr_q[2:0] == 3'd0;
    a_off  = a_rel[11:0];
    a_page = PW'(a_rel[63:12]);
    a_op   = A_BAD;
    a_prio = '0;
    a_ring = '0;
    if (a_in) begin
      if (a_off == 12'h000) begin
        if (!cq_write_q) a_op = A_DEQ;
      end else if (a_off >= 12'h008 && a_off < 12'h008 + 12'(8 * P)) begin
        if (cq_write_q && cq_wdata_q != 64'd0) begin
          a_op   = A_ENQ;
          a_prio = KW'((a_off - 12'h008) >> 3);
        end
      end else if (a_off == 12'h800) begin
        if (cq_write_q && cq_wdata_q[63:32] < 32'(T) && cq_wdata_q[31:0] < 32'(N)) begin
          a_op   = A_SEND;
          a_ring = QW'(D + cq_wdata_q[31:0] * T + cq_wdata_q[63:32]);
        end
      end else if (a_off >= 12'h808 && a_off < 12'h808 + 12'(8 * T)) begin
        if (cq_write_q && cq_wdata_q != 64'd0) begin
          a_op   = A_IPCREG;
          a_ring = QW'(D + 32'(a_page) * T + 32'((a_off - 12'h808) >> 3));
        end
      end else if (a_off >= 12'h900 && a_off < 12'h900 + 12'(8 * D)) begin
        if (cq_write_q && cq_wdata_q != 64'd0) begin
          a_op   = A_IRQREG;
          a_ring = QW'((a_off - 12'h900) >> 3);
        end
      end else if (a_off == 12'hF00) begin
        if (!cq_write_q) a_op = A_ERR;
      end else if (a_off == 12'hF08) begin
        a_op = cq_write_q ? A_STAT_WR : A_STAT_RD;
      end
    end
  end

  // -------------------------------------------------------------------------------------------
  // Shadow state: counters of §3 (no task ids), error bits since the last ERROR read, the edge
  // backlog per line, and the watched instance. Every index below is compared in a loop rather
  // than used in a variable part-select: a solver handles a mux far better than a shifter.
  logic [OW-1:0]  rc_q [L];        // tasks in ready[p][k], list p*P + k
  logic [CW-1:0]  wc_q [WQ];       // waiters in ring r (irqWait[d]: r = d; ipcWait[p][t]: D + p*T + t)
  logic [PDW-1:0] pc_q [WQ];       // pending counter of ring r
  logic [PW-1:0]  own_q [D * B];   // owner process of the i-th waiter of irqWait[d], slot d*B + i
  logic [OW-1:0]  rc_d [L];
  logic [CW-1:0]  wc_d [WQ];
  logic [PDW-1:0] pc_d [WQ];
  logic [PW-1:0]  own_d [D * B];
  logic [3:0]     err_q, err_d;
  logic [EC-1:0]  ec_q [D];        // edges sampled and not yet taken, per line
  logic [D-1:0]   irq_prev_q;
  logic           active_q;        // reset is over

  logic [1:0]    w_loc_q, w_loc_d;
  logic [PW-1:0] w_p_q, w_p_d;         // READY: its process; WAIT: the registering process
  logic [KW-1:0] w_k_q, w_k_d;
  logic [QW-1:0] w_r_q, w_r_d;
  logic [XW-1:0] w_ahead_q, w_ahead_d;
  logic          w_wake_q, w_wake_d;   // it reached its ready list by a wake
  logic          w_popped_q, w_popped_d;  // WAIT: its ring was popped since it registered

  // Expectations of the response of the access that starts (fixed at its start).
  logic        x_sp_ne, x_fifo_ne, x_fifo_eq, x_wake_eq, x_wake_ne, x_iso_ne, x_spur_ne, x_fw_ne;
  logic        x_cons_ne, x_cons_zero, x_eme_nz, x_err, x_zero;
  logic        e_sp_ne_q, e_fifo_ne_q, e_fifo_eq_q, e_wake_eq_q, e_wake_ne_q, e_iso_ne_q, e_spur_ne_q;
  logic        e_fw_ne_q, e_cons_ne_q, e_cons_zero_q, e_eme_nz_q, e_err_q, e_zero_q;
  logic [3:0]  e_err_val_q;

  // Occupancy of each process from the counters (§3).
  logic [SW-1:0] occ [N];
  always_comb begin
    for (int p = 0; p < N; p++) begin
      occ[p] = '0;
      for (int k = 0; k < P; k++) occ[p] = occ[p] + SW'(rc_q[p * P + k]);
      for (int d = 0; d < D; d++)
        for (int i = 0; i < B; i++)
          if (CW'(i) < wc_q[d] && own_q[d * B + i] == PW'(p)) occ[p] = occ[p] + SW'(1);
      for (int t = 0; t < T; t++) occ[p] = occ[p] + SW'(wc_q[D + p * T + t]);
    end
  end

  // The step that starts in this cycle.
  logic          go, go_edge, go_acc;
  assign go      = active_q && step_valid_i;
  assign go_edge = go && step_irq_i;
  assign go_acc  = go && !step_irq_i;

  // Its operands, selected by comparing indices.
  logic          pop;                  // an edge or an IPC_SEND
  logic [QW-1:0] pop_ring;
  logic [CW-1:0] pop_wc;
  logic [PDW-1:0] pop_pc;
  logic [PW-1:0] pop_owner;
  logic          put;                  // a task write (ENQUEUE, IPC_REGISTER, IRQ_REGISTER)
  logic [CW-1:0] put_wc;
  logic [PDW-1:0] put_pc;
  logic [SW-1:0] put_occ;
  logic [OW-1:0] page_rc [P];          // the lists of the access's page
  logic [OW-1:0] owner_rc0, wp_rc0;    // ready[pop_owner][0], ready[w_p][0]
  logic [EC-1:0] line_ec;              // backlog of the line an edge step takes
  always_comb begin
    pop      = go_edge || (go_acc && a_op == A_SEND);
    pop_ring = go_edge ? QW'(step_line_i) : a_ring;
    put      = go_acc && (a_op == A_ENQ || a_op == A_IPCREG || a_op == A_IRQREG);
    pop_wc = '0; pop_pc = '0; put_wc = '0; put_pc = '0; put_occ = '0; owner_rc0 = '0; wp_rc0 = '0;
    line_ec = '0;
    pop_owner = '0;
    for (int r = 0; r < WQ; r++) begin
      if (pop_ring == QW'(r)) begin
        pop_wc = wc_q[r];
        pop_pc = pc_q[r];
        if (r < D) pop_owner = own_q[r * B];
        else pop_owner = PW'((r - D) / T);
      end
      if (a_ring == QW'(r)) begin
        put_wc = wc_q[r];
        put_pc = pc_q[r];
      end
    end
    for (int p = 0; p < N; p++) begin
      if (a_page == PW'(p)) put_occ = occ[p];
      if (pop_owner == PW'(p)) owner_rc0 = rc_q[p * P];
      if (w_p_q == PW'(p)) wp_rc0 = rc_q[p * P];
    end
    for (int k = 0; k < P; k++) begin
      page_rc[k] = '0;
      for (int p = 0; p < N; p++) if (a_page == PW'(p)) page_rc[k] = rc_q[p * P + k];
    end
    for (int d = 0; d < D; d++) if (step_line_i == DW'(d)) line_ec = ec_q[d];
  end

  // DEQUEUE: the lowest-numbered non-empty list of the page.
  logic          deq_any;
  logic [KW-1:0] deq_k;
  always_comb begin
    deq_any = 1'b0;
    deq_k   = '0;
    for (int k = P - 1; k >= 0; k--)
      if (page_rc[k] != '0) begin deq_any = 1'b1; deq_k = KW'(k); end
  end

  // The effect (§4), decided from the counters alone.
  logic pop_wake, pop_count, pop_ovf;            // a pop wakes the head waiter / counts / overflows
  logic put_qf, put_ready, put_consume, put_wf, put_wait;
  logic deq;
  logic [KW-1:0] put_k;
  logic put_w;                                   // the task written is the watched one
  always_comb begin
    pop_wake  = pop && pop_wc != '0;
    pop_count = pop && pop_wc == '0 && pop_pc < PDW'(Q);
    pop_ovf   = pop && pop_wc == '0 && pop_pc >= PDW'(Q);
    put_qf      = put && put_occ >= SW'(C);
    put_ready   = put && !put_qf && (a_op == A_ENQ || put_pc != '0);
    put_consume = put_ready && a_op != A_ENQ;
    put_wf      = put && !put_qf && !put_ready && put_wc >= CW'(B);
    put_wait    = put && !put_qf && !put_ready && !put_wf;
    put_k       = (a_op == A_ENQ) ? a_prio : '0;
    put_w       = cq_wdata_q == wid;
    deq         = go_acc && a_op == A_DEQ && deq_any;
  end

  always_comb begin
    for (int p = 0; p < N; p++)
      for (int k = 0; k < P; k++) begin
        rc_d[p * P + k] = rc_q[p * P + k];
        if (pop_wake && k == 0 && pop_owner == PW'(p)) rc_d[p * P + k] = rc_q[p * P + k] + OW'(1);
        if (put_ready && a_page == PW'(p) && put_k == KW'(k)) rc_d[p * P + k] = rc_q[p * P + k] + OW'(1);
        if (deq && a_page == PW'(p) && deq_k == KW'(k)) rc_d[p * P + k] = rc_q[p * P + k] - OW'(1);
      end
    for (int r = 0; r < WQ; r++) begin
      wc_d[r] = wc_q[r];
      pc_d[r] = pc_q[r];
      if (pop_wake && pop_ring == QW'(r)) wc_d[r] = wc_q[r] - CW'(1);
      if (pop_count && pop_ring == QW'(r)) pc_d[r] = pc_q[r] + PDW'(1);
      if (put_wait && a_ring == QW'(r)) wc_d[r] = wc_q[r] + CW'(1);
      if (put_consume && a_ring == QW'(r)) pc_d[r] = pc_q[r] - PDW'(1);
    end
    for (int d = 0; d < D; d++)
      for (int i = 0; i < B; i++) begin
        own_d[d * B + i] = own_q[d * B + i];
        if (pop_wake && pop_ring == QW'(d)) own_d[d * B + i] = (i + 1 < B) ? own_q[d * B + i + 1] : '0;
        if (put_wait && a_ring == QW'(d) && wc_q[d] == CW'(i)) own_d[d * B + i] = a_page;
      end
    err_d = err_q;
    if (go_acc && a_op == A_ERR) err_d = '0;
    if (pop_ovf) err_d[2] = 1'b1;                      // PENDING_OVERFLOW
    if (put_qf) err_d[0] = 1'b1;                       // QUEUE_FULL
    if (put_wf) err_d[1] = 1'b1;                       // WAIT_FULL
    if (go_acc && a_op == A_BAD) err_d[3] = 1'b1;      // BAD_ACCESS
  end

  // The watched instance, and what the response of a DEQUEUE may be.
  always_comb begin
    w_loc_d = w_loc_q; w_p_d = w_p_q; w_k_d = w_k_q; w_r_d = w_r_q; w_ahead_d = w_ahead_q;
    w_wake_d = w_wake_q; w_popped_d = w_popped_q;
    x_sp_ne = 1'b0; x_fifo_ne = 1'b0; x_fifo_eq = 1'b0; x_wake_eq = 1'b0; x_wake_ne = 1'b0;
    x_iso_ne = 1'b0; x_spur_ne = 1'b0; x_fw_ne = 1'b0; x_cons_ne = 1'b0;
    x_cons_zero = go_acc && a_op == A_DEQ && !deq_any;
    x_eme_nz    = deq;
    x_err       = go_acc && a_op == A_ERR;
    x_zero      = go_acc && a_op == A_BAD && !cq_write_q;
    // A wake of its ring: the watched waiter moves up, or to ready[its process][0] at its turn.
    if (pop_wake && w_loc_q == W_WAIT && w_r_q == pop_ring) begin
      if (w_ahead_q != '0) begin
        w_ahead_d  = w_ahead_q - XW'(1);
        w_popped_d = 1'b1;
      end else begin
        w_loc_d   = W_READY;
        w_k_d     = '0;
        w_ahead_d = XW'(wp_rc0);
        w_wake_d  = 1'b1;
      end
    end
    // Its write: refused, ready at once (ENQUEUE, or a pending count consumed), or waiting.
    if (put && put_w) begin
      if (put_qf || put_wf) w_loc_d = W_GONE;
      else if (put_ready) begin
        w_loc_d   = W_READY;
        w_p_d     = a_page;
        w_k_d     = put_k;
        w_ahead_d = XW'(page_rc[put_k]);
        w_wake_d  = put_consume;
      end else begin
        w_loc_d    = W_WAIT;
        w_p_d      = a_page;
        w_r_d      = a_ring;
        w_ahead_d  = XW'(put_wc);
        w_popped_d = 1'b0;
      end
    end
    if (go_acc && a_op == A_DEQ) begin
      unique case (w_loc_q)
        W_READY: begin
          if (w_p_q != a_page) begin
            if (w_wake_q) x_wake_ne = 1'b1;
            else x_iso_ne = 1'b1;
          end else if (deq_k != w_k_q) begin
            x_sp_ne = 1'b1;  // a lower-numbered list of the page is non-empty
          end else if (w_ahead_q != '0) begin
            x_fifo_ne = 1'b1;
            w_ahead_d = w_ahead_q - XW'(1);
          end else begin
            if (w_wake_q) x_wake_eq = 1'b1;
            else x_fifo_eq = 1'b1;
            w_loc_d = W_GONE;
          end
        end
        W_WAIT: begin
          if (w_popped_q) x_fw_ne = 1'b1;
          else x_spur_ne = 1'b1;
        end
        default: x_cons_ne = 1'b1;
      endcase
    end
  end

  // -------------------------------------------------------------------------------------------
  // Registers.
  logic [LW-1:0] lat_q;    // cycles since the outstanding access started
  logic [WW-1:0] wait_q;   // cycles the taken access has waited unstarted with no edge backlog
  logic [D-1:0]  rise;
  logic          backlog;
  assign rise = irq_i & ~irq_prev_q;
  always_comb begin
    backlog = 1'b0;
    for (int d = 0; d < D; d++) if (ec_q[d] != '0) backlog = 1'b1;
  end

  always_ff @(posedge clk_i) begin
    irq_prev_q <= irq_i;
    if (!rst_ni) begin
      active_q     <= 1'b1;
      cq_valid_q   <= 1'b0;
      cq_started_q <= 1'b0;
      for (int i = 0; i < L; i++) rc_q[i] <= '0;
      for (int r = 0; r < WQ; r++) begin wc_q[r] <= '0; pc_q[r] <= '0; end
      for (int i = 0; i < D * B; i++) own_q[i] <= '0;
      for (int d = 0; d < D; d++) ec_q[d] <= '0;
      err_q <= '0;
      w_loc_q <= W_NONE; w_p_q <= '0; w_k_q <= '0; w_r_q <= '0; w_ahead_q <= '0;
      w_wake_q <= 1'b0; w_popped_q <= 1'b0;
      lat_q <= '0; wait_q <= '0;
      {e_sp_ne_q, e_fifo_ne_q, e_fifo_eq_q, e_wake_eq_q, e_wake_ne_q, e_iso_ne_q, e_spur_ne_q} <= '0;
      {e_fw_ne_q, e_cons_ne_q, e_cons_zero_q, e_eme_nz_q, e_err_q, e_zero_q} <= '0;
      e_err_val_q <= '0;
    end else if (active_q) begin
      for (int i = 0; i < L; i++) rc_q[i] <= rc_d[i];
      for (int r = 0; r < WQ; r++) begin wc_q[r] <= wc_d[r]; pc_q[r] <= pc_d[r]; end
      for (int i = 0; i < D * B; i++) own_q[i] <= own_d[i];
      err_q <= err_d;
      w_loc_q <= w_loc_d; w_p_q <= w_p_d; w_k_q <= w_k_d; w_r_q <= w_r_d; w_ahead_q <= w_ahead_d;
      w_wake_q <= w_wake_d; w_popped_q <= w_popped_d;
      for (int d = 0; d < D; d++)
        ec_q[d] <= ec_q[d] + EC'(rise[d]) - EC'(go_edge && step_line_i == DW'(d));
      // The access: taken, started, answered (a new one may be taken in its response's cycle).
      if (rsp_valid_i) begin
        cq_valid_q   <= 1'b0;
        cq_started_q <= 1'b0;
      end
      if (go_acc) cq_started_q <= 1'b1;
      if (hs) begin
        cq_valid_q <= 1'b1;
        cq_write_q <= req_write_i;
        cq_addr_q  <= req_addr_i;
        cq_wdata_q <= req_wdata_i;
      end
      lat_q  <= (cq_started_q || go_acc) && !rsp_valid_i ? lat_q + LW'(1) : '0;
      wait_q <= (cq_valid_q && !cq_started_q && !go_acc && !backlog) ? wait_q + WW'(1) : '0;
      if (go_acc) begin
        e_sp_ne_q <= x_sp_ne; e_fifo_ne_q <= x_fifo_ne; e_fifo_eq_q <= x_fifo_eq;
        e_wake_eq_q <= x_wake_eq; e_wake_ne_q <= x_wake_ne; e_iso_ne_q <= x_iso_ne;
        e_spur_ne_q <= x_spur_ne; e_fw_ne_q <= x_fw_ne; e_cons_ne_q <= x_cons_ne;
        e_cons_zero_q <= x_cons_zero; e_eme_nz_q <= x_eme_nz; e_err_q <= x_err; e_zero_q <= x_zero;
        e_err_val_q <= err_q;
      end
    end
  end
  // Power-up: the checker is inactive until the reset cycle has been seen.
  initial active_q = 1'b0;

  // -------------------------------------------------------------------------------------------
  // Environment: the design's edge backlog counters (EDGE_W bits) never overflow. Past that
  // bound the design drops an edge and reports it on edge_ovf_o, which no §6 property covers.
  logic backlog_ok;
  always_comb begin
    backlog_ok = 1'b1;
    for (int d = 0; d < D; d++)
      if (rise[d] && ec_q[d] >= EC'((1 << EDGE_W) - 2)) backlog_ok = 1'b0;
    edge_backlog_M: assume (!active_q || backlog_ok);
  end

  // -------------------------------------------------------------------------------------------
  // Assertions. `rsp` is the response of the access whose expectations are in e_*_q.
  logic rsp, boundary;
  assign rsp      = active_q && rsp_valid_i && cq_started_q;
  assign boundary = go;  // a step starts: every earlier step is complete in the design

  always_comb begin
    if (rsp) begin
      // strictPriority: a DEQUEUE returns a task of the lowest-numbered non-empty priority of its
      // page: never the watched instance while a lower-numbered list of its process holds tasks.
      strictPriority_A: assert (!(e_sp_ne_q && rsp_rdata_i == wid));
      // fifoWithinPriority: instances of one list leave in the order they entered: the watched
      // instance is not returned while instances that entered its list before it remain, and it
      // is returned by the DEQUEUE that serves its list once none remain.
      fifoWithinPriority_A: assert (!(e_fifo_ne_q && rsp_rdata_i == wid) && !(e_fifo_eq_q && rsp_rdata_i != wid));
      // taskConservation: no instance appears that the bus did not put in a ready queue: the
      // watched instance is returned only from a ready queue, once, and an empty page returns 0.
      taskConservation_A: assert (!(e_cons_ne_q && rsp_rdata_i == wid) && !(e_cons_zero_q && rsp_rdata_i != 64'd0));
      // processIsolation: a DEQUEUE on page p returns only instances written for, or woken into, p.
      processIsolation_A: assert (!(e_iso_ne_q && rsp_rdata_i == wid));
      // emptyMeansEmpty: DEQUEUE returns 0 only when every ready queue of its page is empty.
      emptyMeansEmpty_A: assert (!(e_eme_nz_q && rsp_rdata_i == 64'd0));
      // noSpuriousWakeup: a waiter reaches a ready queue only through a wake of its own blocked
      // queue: the watched waiter is never returned before any wake of its queue.
      noSpuriousWakeup_A: assert (!(e_spur_ne_q && rsp_rdata_i == wid));
      // fifoWaiters: waiters of one blocked queue are woken in registration order: the watched
      // waiter is never returned while waiters registered before it were still being woken.
      fifoWaiters_A: assert (!(e_fw_ne_q && rsp_rdata_i == wid));
      // wakePriority: a woken instance enters priority 0 of the process that registered it: it
      // is returned by that process's DEQUEUE at its turn there, and by no other page.
      wakePriority_A: assert (!(e_wake_eq_q && rsp_rdata_i != wid) && !(e_wake_ne_q && rsp_rdata_i == wid));
      // errorReporting: a read of ERROR returns every bit set since the previous read (and
      // clears them); a wrong read returns 0.
      errorReporting_A: assert (!(e_err_q && rsp_rdata_i != {60'd0, e_err_val_q}) && !(e_zero_q && rsp_rdata_i != 64'd0));
    end
    if (active_q) begin
      // noLostWakeup: every sampled edge is taken as a step before any access that starts after
      // it (rules 2-3 of the order of events), so no interrupt is left behind.
      noLostWakeup_edges_A: assert (!go_acc || !backlog);
      // noSpuriousWakeup: the design takes an interrupt step only for an edge that was sampled.
      noSpuriousWakeup_edge_A: assert (!go_edge || line_ec != '0);
      // neverStalls: an access step starts only for an access taken and not yet started, is
      // answered within MAX_LAT cycles of its start, a response answers a started access, and a
      // taken access with no edge ahead of it starts within N*C + 3 cycles (the initialisation).
      neverStalls_A: assert ((!go_acc || (cq_valid_q && !cq_started_q)) && lat_q <= LW'(MAX_LAT)
                             && (!rsp_valid_i || cq_started_q) && wait_q <= WW'(N * C + 3));
    end
  end

  // The observation port agrees with the counters at every step boundary, and its own invariants
  // hold in every cycle (a design without the port binds HAS_OBS = 0).
  if (HAS_OBS != 0) begin : g_obs
    logic [FW+SW-1:0] pool;
    logic             occ_ok, rings_ok, lists_ok;
    always_comb begin
      pool = (FW + SW)'(obs_free_i);
      for (int p = 0; p < N; p++) pool = pool + (FW + SW)'(obs_occ_i[p * OW +: OW]);
      occ_ok = 1'b1;
      for (int p = 0; p < N; p++)
        if (obs_occ_i[p * OW +: OW] > OW'(C) || (boundary && SW'(obs_occ_i[p * OW +: OW]) != occ[p]))
          occ_ok = 1'b0;
      rings_ok = 1'b1;
      for (int r = 0; r < WQ; r++)
        if (obs_wait_count_i[r * CW +: CW] != wc_q[r] || obs_pending_i[r * PDW +: PDW] != pc_q[r]
            || (obs_pending_i[r * PDW +: PDW] != '0 && obs_wait_count_i[r * CW +: CW] != '0))
          rings_ok = 1'b0;
      lists_ok = 1'b1;
      for (int i = 0; i < L; i++) if (obs_ready_nonempty_i[i] != (rc_q[i] != '0)) lists_ok = 1'b0;
    end
    always_comb begin
      if (active_q) begin
        // taskConservation: the design's task entries are conserved (free + held = N*C), and
        // its ready lists are non-empty exactly when the counters say so at every step boundary.
        taskConservation_pool_A: assert (pool == (FW + SW)'(N * C));
        taskConservation_lists_A: assert (!boundary || lists_ok);
        // capacityBound: occupancy(p) <= C always, and it is the counted occupancy at every step
        // boundary (so a refusal happens exactly at the bound).
        capacityBound_A: assert (occ_ok);
        // noLostWakeup: each ring's waiters and pending count are §4's at every step boundary (an
        // edge moved the head, or was counted, or overflowed), and a pending count is never left
        // beside a waiter.
        noLostWakeup_rings_A: assert (!boundary || rings_ok);
        // errorReporting: the error register holds exactly the bits set since the last ERROR read.
        errorReporting_reg_A: assert (!boundary || obs_err_i == err_q);
      end
    end
  end else begin : g_no_obs
    logic unused_obs;
    assign unused_obs = ^{obs_err_i, obs_occ_i, obs_ready_nonempty_i, obs_wait_count_i, obs_pending_i, obs_free_i};
  end

  // -------------------------------------------------------------------------------------------
  // Induction invariants (named _I): facts of every reachable state that tie the checker's
  // registers to the design's, so that the induction step does not start from states no run
  // reaches. The flow checks them like assertions, from reset to the induction length (the base
  // case), and assumes them in the induction step with the property; a bounded check of a
  // property ignores them. docs/formal.md explains each in one sentence.
  if (HAS_PROBES != 0) begin : g_probes
    logic edges_ok;
    always_comb begin
      edges_ok = 1'b1;
      for (int d = 0; d < D; d++) if (ec_q[d] != EC'(probe_edge_cnt_i[d * EDGE_W +: EDGE_W])) edges_ok = 1'b0;
    end
    always_comb begin
      if (active_q && rst_ni) begin
        inv_edges_I: assert (edges_ok);
        inv_state_I: assert (!probe_bad_state_i);
        inv_latch_I: assert (probe_latched_i == (cq_valid_q && !rsp_valid_i));
        inv_started_I: assert (!cq_started_q || cq_valid_q);
        inv_busy_I: assert (!probe_busy_acc_i || (cq_started_q && !rsp_valid_i && lat_q == LW'(1)));
        inv_unanswered_I: assert (!(cq_started_q && !rsp_valid_i) || probe_busy_acc_i);
        inv_rsp_I: assert (!rsp_valid_i || (cq_started_q && lat_q >= LW'(1) && lat_q <= LW'(2)
                                            && !probe_busy_acc_i && !probe_busy_edge_i && !probe_init_i));
        inv_lat_I: assert (cq_started_q || lat_q == '0);
        inv_wait_I: assert (wait_q == '0 || (cq_valid_q && !cq_started_q));
        inv_wait_init_I: assert (!probe_init_i || WW'(wait_q) <= WW'(probe_init_idx_i));
        inv_wait_run_I: assert (probe_init_i || wait_q <= WW'(N * C + 1));
        inv_init_I: assert (!probe_init_i || (!cq_started_q && !rsp_valid_i));
      end
    end
  end else begin : g_no_probes
    logic unused_probes;
    assign unused_probes = ^{probe_edge_cnt_i, probe_latched_i, probe_busy_acc_i, probe_busy_edge_i, probe_init_i,
                             probe_init_idx_i, probe_bad_state_i};
  end
endmodule
