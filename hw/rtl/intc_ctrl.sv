// intc_ctrl: the controller's state (controller.md §3) and the sequencer that performs one
// step at a time: one interrupt edge or one bus access, each atomic, checked in the order of
// §4 (wrong access, then capacity, then the effect).
//
// Storage (every queue is bounded, so nothing is one register array per queue):
// - Task memory: M = N*C entries (each process holds at most C tasks, §5, so the pool never runs
//   out). tmem holds each entry's task id; lmem holds its link. An entry is in exactly one
//   place: the free list, one ready list, or one blocked-queue ring.
// - Ready lists: ready[p][k] is a singly linked list through lmem, list number p*P + k, with a
//   head, a tail and a valid (non-empty) bit per list. DEQUEUE picks the lowest-numbered list
//   of p whose valid bit is set (intc_prio_enc).
// - Free list: a stack linked through lmem (fhead, fcnt). After reset ST_INIT writes lmem[i] =
//   i + 1 for every entry (M cycles), so the free list starts as 0, 1, ..., M-1.
// - Blocked queues: one ring of B slots per queue in wmem (rings 0..D-1 are irqWait[d], ring
//   D + p*T + t is ipcWait[p][t]; see intc_reg_decode); a slot holds {owner process, entry}.
//   Each ring has a head slot, a count, and its pending counter (irqPending / ipcPending).
// - occ[p]: occupancy(p) of §3 (ready + waiting tasks of p). A wake moves an entry from a ring
//   to a ready list and changes no occupancy (§5).
//
// Timing: every step starts in ST_IDLE (the choice point). A waiting interrupt edge is taken
// before an access (lowest line first); otherwise the latched access starts. Steps that need a
// memory read take a second cycle (ST_PUT, ST_DEQ, ST_WAKE, ST_LEAK) in which the read data is
// used; all others complete in the ST_IDLE cycle. An access completes with done: the response
// is registered at that clock edge and the request latch is freed.
module intc_ctrl #(
  parameter int unsigned N  = 16,
  parameter int unsigned P  = 8,
  parameter int unsigned C  = 256,
  parameter int unsigned D  = 6,
  parameter int unsigned T  = 2,
  parameter int unsigned B  = 4,
  parameter int unsigned Q  = 255,
  parameter int unsigned PW = (N > 1) ? $clog2(N) : 1,
  parameter int unsigned KW = (P > 1) ? $clog2(P) : 1,
  parameter int unsigned DW = (D > 1) ? $clog2(D) : 1,
  parameter int unsigned QW = ((D + N * T) > 1) ? $clog2(D + N * T) : 1,
  parameter int unsigned OW  = $clog2(C + 1),      // occupancy 0..C
  parameter int unsigned CW  = $clog2(B + 1),      // ring count 0..B
  parameter int unsigned PDW = $clog2(Q + 1),      // pending counter 0..Q
  parameter int unsigned FW  = $clog2(N * C + 1)   // free count 0..N*C
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  input  logic [7:0]    bug_i,
  // The latched access, decoded.
  input  logic          acc_valid_i,
  input  logic [3:0]    op_i,
  input  logic [PW-1:0] page_i,
  input  logic [KW-1:0] prio_i,
  input  logic [QW-1:0] ring_i,
  input  logic [63:0]   wdata_i,
  output logic          acc_done_o,
  // The waiting interrupt edge of the lowest line, and its take.
  input  logic          edge_valid_i,
  input  logic [DW-1:0] edge_line_i,
  output logic          edge_take_o,
  // Response (registered).
  output logic          rsp_valid_o,
  output logic [63:0]   rsp_rdata_o,
  // Status.
  output logic          idle_o,
  output logic          step_valid_o,
  output logic          step_irq_o,
  // Observation (copies of state, see intc_top).
  output logic [3:0]                obs_err_o,
  output logic [N-1:0]              obs_online_o,
  output logic [N*OW-1:0]           obs_occ_o,
  output logic [N*P-1:0]            obs_ready_nonempty_o,
  output logic [(D+N*T)*CW-1:0]     obs_wait_count_o,
  output logic [(D+N*T)*PDW-1:0]    obs_pending_o,
  output logic [FW-1:0]             obs_free_o
);
  localparam int unsigned M   = N * C;                       // task entries
  localparam int unsigned AW  = (M > 1) ? $clog2(M) : 1;     // entry index
  localparam int unsigned L   = N * P;                       // ready lists
  localparam int unsigned LW  = (L > 1) ? $clog2(L) : 1;
  localparam int unsigned WQ  = D + N * T;                   // blocked-queue rings
  localparam int unsigned BW  = (B > 1) ? $clog2(B) : 1;     // ring slot
  localparam int unsigned SW  = (WQ * B > 1) ? $clog2(WQ * B) : 1;  // wmem address
  localparam int unsigned WDW = PW + AW;                     // wmem word {owner, entry}

  localparam logic [2:0] ST_INIT = 3'd0;
  localparam logic [2:0] ST_IDLE = 3'd1;
  localparam logic [2:0] ST_PUT  = 3'd2;  // alloc done: link the entry into a list or a ring
  localparam logic [2:0] ST_DEQ  = 3'd3;  // unlink the head of a ready list, free its entry
  localparam logic [2:0] ST_WAKE = 3'd4;  // move a ring's head entry to ready[owner][0]
  localparam logic [2:0] ST_LEAK = 3'd5;  // seeded bug: a refused write pops a free entry

  // ---------------------------------------------------------------------------------------
  // Seeded bugs (bug_i is constant 0 unless intc_top is built with ENABLE_BUGS = 1).
  logic bug_full, bug_nowrap, bug_prio_rev, bug_pend_wrap, bug_pop_tail, bug_err_keep;
  logic bug_leak, bug_kernel;
  assign bug_full      = bug_i == intc_pkg::BUG_FULL_OFF_BY_ONE;
  assign bug_nowrap    = bug_i == intc_pkg::BUG_RING_PTR_NO_WRAP;
  assign bug_prio_rev  = bug_i == intc_pkg::BUG_PRIO_ENC_REVERSED;
  assign bug_pend_wrap = bug_i == intc_pkg::BUG_PENDING_WRAPS;
  assign bug_pop_tail  = bug_i == intc_pkg::BUG_WAITER_POP_TAIL;
  assign bug_err_keep  = bug_i == intc_pkg::BUG_ERROR_NOT_CLEARED;
  assign bug_leak      = bug_i == intc_pkg::BUG_FREE_LEAK_ON_REFUSE;
  assign bug_kernel    = bug_i == intc_pkg::BUG_WAKE_TO_KERNEL;

  // ---------------------------------------------------------------------------------------
  // State.
  logic [2:0]     state_q;
  logic [AW-1:0]  init_idx_q;
  logic [3:0]     err_q;
  logic [N-1:0]   online_q;
  logic [OW-1:0]  occ_q [N];
  logic [L-1:0]   rne_q;            // ready list non-empty (valid) bits
  logic [AW-1:0]  rhead_q [L];
  logic [AW-1:0]  rtail_q [L];
  logic [BW-1:0]  whead_q [WQ];
  logic [CW-1:0]  wcnt_q [WQ];
  logic [PDW-1:0] pend_q [WQ];
  logic [AW-1:0]  fhead_q;
  logic [FW-1:0]  fcnt_q;
  // The step in progress (captured in ST_IDLE, used in the second cycle).
  logic [LW-1:0]  cur_list_q;
  logic [QW-1:0]  cur_ring_q;
  logic [PW-1:0]  cur_p_q;
  logic [AW-1:0]  cur_e_q;
  logic           cur_to_ring_q;    // ST_PUT: push to ring cur_ring_q (else append to cur_list_q)
  logic           cur_acc_q;        // ST_WAKE: the step is an IPC_SEND access (else an edge)
  logic           rsp_valid_q;
  logic [63:0]    rsp_rdata_q;

  // Memories.
  logic           t_we, t_re, l_we, l_re, w_we, w_re;
  logic [AW-1:0]  t_waddr, t_raddr, l_waddr, l_raddr, l_wdata;
  logic [SW-1:0]  w_waddr, w_raddr;
  logic [WDW-1:0] w_wdata, w_rdata;
  logic [63:0]    t_rdata;
  logic [AW-1:0]  l_rdata;

  intc_ram_1r1w #(.WIDTH(64), .DEPTH(M), .AW(AW)) u_tmem (
    .clk_i, .we_i(t_we), .waddr_i(t_waddr), .wdata_i(wdata_i),
    .re_i(t_re), .raddr_i(t_raddr), .rdata_o(t_rdata)
  );
  intc_ram_1r1w #(.WIDTH(AW), .DEPTH(M), .AW(AW)) u_lmem (
    .clk_i, .we_i(l_we), .waddr_i(l_waddr), .wdata_i(l_wdata),
    .re_i(l_re), .raddr_i(l_raddr), .rdata_o(l_rdata)
  );
  intc_ram_1r1w #(.WIDTH(WDW), .DEPTH(WQ * B), .AW(SW)) u_wmem (
    .clk_i, .we_i(w_we), .waddr_i(w_waddr), .wdata_i(w_wdata),
    .re_i(w_re), .raddr_i(w_raddr), .rdata_o(w_rdata)
  );

  // ---------------------------------------------------------------------------------------
  // The choice point: an edge first, else the latched access.
  logic go_edge, go_acc;
  assign go_edge = (state_q == ST_IDLE) && edge_valid_i;
  assign go_acc  = (state_q == ST_IDLE) && !edge_valid_i && acc_valid_i;

  // DEQUEUE: the lowest-numbered non-empty ready list of the page.
  logic [P-1:0]  page_rne;
  logic          deq_valid;
  logic [KW-1:0] deq_k;
  logic [LW-1:0] deq_list;
  assign page_rne = rne_q[32'(page_i) * P +: P];
  intc_prio_enc #(.W(P), .IW(KW)) u_deq_sel (
    .req_i(page_rne), .msb_first_i(bug_prio_rev), .valid_o(deq_valid), .idx_o(deq_k)
  );
  assign deq_list = LW'(32'(page_i) * P + 32'(deq_k));

  // Capacity (§5): QUEUE_FULL first, then WAIT_FULL for a registration that would wait.
  logic is_put, is_reg, full, reg_pend, reg_wfull, refuse_qf, refuse_wf;
  assign is_put    = go_acc && (op_i == intc_pkg::OP_ENQUEUE || op_i == intc_pkg::OP_IPC_REG || op_i == intc_pkg::OP_IRQ_REG);
  assign is_reg    = op_i == intc_pkg::OP_IPC_REG || op_i == intc_pkg::OP_IRQ_REG;
  assign full      = occ_q[page_i] >= (bug_full ? OW'(C - 1) : OW'(C));
  assign reg_pend  = pend_q[ring_i] != '0;
  assign reg_wfull = wcnt_q[ring_i] >= CW'(B);
  assign refuse_qf = is_put && full;
  assign refuse_wf = is_put && !full && is_reg && !reg_pend && reg_wfull;

  // A wake (an edge, or IPC_SEND): pop the ring's head waiter, or count, or overflow.
  logic          is_wake, wake_waiter, wake_sat;
  logic [QW-1:0] wake_ring;
  assign is_wake     = go_edge || (go_acc && op_i == intc_pkg::OP_IPC_SEND);
  assign wake_ring   = go_edge ? QW'(edge_line_i) : ring_i;
  assign wake_waiter = wcnt_q[wake_ring] != '0;
  assign wake_sat    = pend_q[wake_ring] >= PDW'(Q);

  // Ring slot arithmetic (mod B).
  logic [BW:0]   pop_sum, push_sum;
  logic [BW-1:0] pop_slot, head_next;
  logic [BW:0]   push_slot_raw;
  assign pop_sum   = {1'b0, whead_q[wake_ring]} + (BW + 1)'(wcnt_q[wake_ring]) - (BW + 1)'(1);
  assign pop_slot  = bug_pop_tail ? BW'((pop_sum >= (BW + 1)'(B)) ? pop_sum - (BW + 1)'(B) : pop_sum)
                                  : whead_q[wake_ring];
  assign push_sum  = {1'b0, whead_q[cur_ring_q]} + (BW + 1)'(wcnt_q[cur_ring_q]);
  assign push_slot_raw = bug_nowrap ? push_sum
                                    : ((push_sum >= (BW + 1)'(B)) ? push_sum - (BW + 1)'(B) : push_sum);
  assign head_next = (whead_q[cur_ring_q] == BW'(B - 1)) ? '0 : whead_q[cur_ring_q] + BW'(1);

  // The entry read from the ring in ST_WAKE, and its owner's priority-0 list.
  logic [PW-1:0] wake_owner;
  logic [AW-1:0] wake_e;
  logic [LW-1:0] wake_list;
  assign wake_owner = w_rdata[WDW-1:AW];
  assign wake_e     = w_rdata[AW-1:0];
  assign wake_list  = bug_kernel ? '0 : LW'(32'(wake_owner) * P);

  // Append an entry to a ready list (ST_PUT without a ring, ST_WAKE).
  logic          app_en;
  logic [LW-1:0] app_list;
  logic [AW-1:0] app_e;
  assign app_en   = (state_q == ST_PUT && !cur_to_ring_q) || state_q == ST_WAKE;
  assign app_list = (state_q == ST_WAKE) ? wake_list : cur_list_q;
  assign app_e    = (state_q == ST_WAKE) ? wake_e : cur_e_q;

  // Completion of the latched access, and its read data.
  logic        done;
  logic [63:0] done_data;
  always_comb begin
    done      = 1'b0;
    done_data = '0;
    if (go_acc) begin
      unique case (op_i)
        intc_pkg::OP_DEQUEUE:  done = !deq_valid;
        intc_pkg::OP_ENQUEUE, intc_pkg::OP_IPC_REG, intc_pkg::OP_IRQ_REG: done = (refuse_qf || refuse_wf) && !bug_leak;
        intc_pkg::OP_IPC_SEND: done = !wake_waiter;
        intc_pkg::OP_ERR_RD:   begin done = 1'b1; done_data = {60'd0, err_q}; end
        intc_pkg::OP_STAT_RD:  begin done = 1'b1; done_data = {63'd0, online_q[page_i]}; end
        default:     done = 1'b1;  // intc_pkg::OP_BAD, intc_pkg::OP_STAT_WR
      endcase
    end
    if (state_q == ST_PUT || state_q == ST_LEAK) done = 1'b1;
    if (state_q == ST_WAKE && cur_acc_q) done = 1'b1;
    if (state_q == ST_DEQ) begin
      done      = 1'b1;
      done_data = t_rdata;
    end
  end

  // Memory ports.
  always_comb begin
    // tmem: written at allocation (ST_IDLE), read for a DEQUEUE.
    t_we    = is_put && !refuse_qf && !refuse_wf;
    t_waddr = fhead_q;
    t_re    = go_acc && op_i == intc_pkg::OP_DEQUEUE && deq_valid;
    t_raddr = rhead_q[deq_list];
    // lmem: read the free head (allocation, or the seeded leak) or a list head (DEQUEUE).
    l_re    = is_put && (t_we || bug_leak) || t_re;
    l_raddr = t_re ? rhead_q[deq_list] : fhead_q;
    l_we    = 1'b0;
    l_waddr = '0;
    l_wdata = '0;
    if (state_q == ST_INIT) begin
      l_we    = 1'b1;
      l_waddr = init_idx_q;
      l_wdata = (init_idx_q == AW'(M - 1)) ? '0 : init_idx_q + AW'(1);
    end else if (app_en && rne_q[app_list]) begin
      l_we    = 1'b1;                      // link behind the tail
      l_waddr = rtail_q[app_list];
      l_wdata = app_e;
    end else if (state_q == ST_DEQ) begin
      l_we    = 1'b1;                      // push the freed entry on the free list
      l_waddr = cur_e_q;
      l_wdata = fhead_q;
    end
    // wmem: read a ring's head (a wake), written by a registration that waits.
    w_re    = is_wake && wake_waiter;
    w_raddr = SW'(32'(wake_ring) * B + 32'(pop_slot));
    w_we    = state_q == ST_PUT && cur_to_ring_q;
    w_waddr = SW'(32'(cur_ring_q) * B + 32'(push_slot_raw));
    w_wdata = {cur_p_q, cur_e_q};
  end

  // ---------------------------------------------------------------------------------------
  // Sequencer and tables.
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q       <= ST_INIT;
      init_idx_q    <= '0;
      err_q         <= '0;
      online_q      <= N'(1);   // only process 0 (the kernel) is online at reset
      rne_q         <= '0;
      fhead_q       <= '0;
      fcnt_q        <= FW'(M);
      cur_list_q    <= '0;
      cur_ring_q    <= '0;
      cur_p_q       <= '0;
      cur_e_q       <= '0;
      cur_to_ring_q <= 1'b0;
      cur_acc_q     <= 1'b0;
      rsp_valid_q   <= 1'b0;
      rsp_rdata_q   <= '0;
      for (int i = 0; i < N; i++) occ_q[i] <= '0;
      // rhead_q / rtail_q need no reset: a list's head and tail are only read while its valid
      // bit in rne_q is set, and appending to an empty list writes both.
      for (int i = 0; i < WQ; i++) begin
        whead_q[i] <= '0;
        wcnt_q[i]  <= '0;
        pend_q[i]  <= '0;
      end
    end else begin
      rsp_valid_q <= done;
      if (done) rsp_rdata_q <= done_data;

      unique case (state_q)
        ST_INIT: begin
          init_idx_q <= init_idx_q + AW'(1);
          if (init_idx_q == AW'(M - 1)) state_q <= ST_IDLE;
        end

        ST_IDLE: begin
          if (is_wake) begin
            cur_ring_q <= wake_ring;
            cur_acc_q  <= go_acc;
            if (wake_waiter) begin
              state_q <= ST_WAKE;
            end else if (wake_sat && !bug_pend_wrap) begin
              err_q[intc_pkg::ERR_PENDING_OVERFLOW] <= 1'b1;
            end else begin
              pend_q[wake_ring] <= pend_q[wake_ring] + PDW'(1);
            end
          end else if (go_acc) begin
            unique case (op_i)
              intc_pkg::OP_DEQUEUE: begin
                if (deq_valid) begin
                  cur_list_q <= deq_list;
                  cur_p_q    <= page_i;
                  cur_e_q    <= rhead_q[deq_list];
                  state_q    <= ST_DEQ;
                end
              end
              intc_pkg::OP_ENQUEUE, intc_pkg::OP_IPC_REG, intc_pkg::OP_IRQ_REG: begin
                if (refuse_qf || refuse_wf) begin
                  if (refuse_qf) err_q[intc_pkg::ERR_QUEUE_FULL] <= 1'b1;
                  else err_q[intc_pkg::ERR_WAIT_FULL] <= 1'b1;
                  if (bug_leak) state_q <= ST_LEAK;
                end else begin
                  cur_e_q    <= fhead_q;
                  cur_p_q    <= page_i;
                  cur_ring_q <= ring_i;
                  state_q    <= ST_PUT;
                  if (op_i == intc_pkg::OP_ENQUEUE) begin
                    cur_to_ring_q <= 1'b0;
                    cur_list_q    <= LW'(32'(page_i) * P + 32'(prio_i));
                  end else if (reg_pend) begin
                    // A pending event is consumed: the task is ready at once (§4.1, §4.2).
                    pend_q[ring_i] <= pend_q[ring_i] - PDW'(1);
                    cur_to_ring_q  <= 1'b0;
                    cur_list_q     <= LW'(32'(page_i) * P);
                  end else begin
                    cur_to_ring_q <= 1'b1;
                  end
                end
              end
              intc_pkg::OP_ERR_RD:  if (!bug_err_keep) err_q <= '0;
              intc_pkg::OP_STAT_WR: online_q[page_i] <= wdata_i[0];
              intc_pkg::OP_STAT_RD: ;
              default:    err_q[intc_pkg::ERR_BAD_ACCESS] <= 1'b1;  // intc_pkg::OP_BAD
            endcase
          end
        end

        ST_PUT: begin
          fhead_q        <= l_rdata;       // the allocated entry's link: the next free entry
          fcnt_q         <= fcnt_q - FW'(1);
          occ_q[cur_p_q] <= occ_q[cur_p_q] + OW'(1);
          if (cur_to_ring_q) wcnt_q[cur_ring_q] <= wcnt_q[cur_ring_q] + CW'(1);
          state_q <= ST_IDLE;
        end

        ST_DEQ: begin
          if (rhead_q[cur_list_q] == rtail_q[cur_list_q]) rne_q[cur_list_q] <= 1'b0;
          else rhead_q[cur_list_q] <= l_rdata;
          fhead_q        <= cur_e_q;
          fcnt_q         <= fcnt_q + FW'(1);
          occ_q[cur_p_q] <= occ_q[cur_p_q] - OW'(1);
          state_q <= ST_IDLE;
        end

        ST_WAKE: begin
          wcnt_q[cur_ring_q] <= wcnt_q[cur_ring_q] - CW'(1);
          if (!bug_pop_tail) whead_q[cur_ring_q] <= head_next;
          state_q <= ST_IDLE;
        end

        ST_LEAK: begin
          fhead_q <= l_rdata;
          fcnt_q  <= fcnt_q - FW'(1);
          state_q <= ST_IDLE;
        end

        default: state_q <= ST_IDLE;
      endcase

      // Append to a ready list (ST_PUT without a ring, ST_WAKE); lmem links it behind the tail.
      if (app_en) begin
        rtail_q[app_list] <= app_e;
        if (!rne_q[app_list]) begin
          rhead_q[app_list] <= app_e;
          rne_q[app_list]   <= 1'b1;
        end
      end
    end
  end

  assign acc_done_o   = done;
  assign edge_take_o  = go_edge;
  assign rsp_valid_o  = rsp_valid_q;
  assign rsp_rdata_o  = rsp_rdata_q;
  assign idle_o       = state_q == ST_IDLE && !edge_valid_i && !acc_valid_i;
  assign step_valid_o = go_edge || go_acc;
  assign step_irq_o   = go_edge;

  assign obs_err_o            = err_q;
  assign obs_online_o         = online_q;
  assign obs_ready_nonempty_o = rne_q;
  assign obs_free_o           = fcnt_q;
  always_comb begin
    for (int i = 0; i < N; i++) obs_occ_o[i * OW +: OW] = occ_q[i];
    for (int r = 0; r < WQ; r++) begin
      obs_wait_count_o[r * CW +: CW] = wcnt_q[r];
      obs_pending_o[r * PDW +: PDW]  = pend_q[r];
    end
  end
endmodule
