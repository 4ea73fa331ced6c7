// intc_top: the reference task-aware interrupt controller of controller.md §3-§5 (the
// ATS-INTC family with the reference's fixes), parameterised by the §1 parameters.
//
// Bus port (one access at a time, single handshake each way):
//   request:  req_valid_i, req_ready_o, req_write_i, req_addr_i[63:0], req_wdata_i[63:0].
//             The request is taken at a rising clock edge where req_valid_i && req_ready_o, into
//             a one-entry request latch; req_ready_o is low while the latch is full.
//   response: rsp_valid_o is high for exactly one cycle per request, with rsp_rdata_o (the read
//             data, 0 for a write and for a wrong access). There is no back-pressure: the
//             requester must take it. The latch is freed in the same clock edge.
// Interrupt lines: irq_i[D-1:0], synchronous to clk_i. Each rising edge (1 at a clock edge, 0
// at the previous one) is one interrupt event; see intc_irq_edges.
//
// Step order (the linearisation a checker uses): the controller performs one step at a time,
// either an interrupt edge or an access, and starts a step only when the previous one is done
// (step_valid_o pulses in the cycle a step starts, step_irq_o tells which kind). A step starts
// at a choice point: if any edge is waiting, the one of the lowest line; otherwise the latched
// access. Hence an edge sampled at a clock edge before the one where an access starts is taken
// before that access, and an edge sampled at that clock edge or later is taken after it. In
// particular an edge sampled at the clock edge that takes the request into the latch comes
// before that access (the access can start one clock edge later at the earliest).
//
// Other outputs: idle_o (no step running, no access latched, no edge waiting, memory
// initialised: nothing will change until a request or an edge arrives); edge_ovf_o (sticky: a
// line's backlog counter of EDGE_W bits was full when another edge of that line arrived); the
// obs_* observation port (copies of state for checkers; see the port list).
//
// Reset: rst_ni is synchronous and active low. After reset the controller initialises its free
// list (N*C cycles, req_ready_o may take requests meanwhile; they wait in the latch).
//
// bug_sel_i selects a seeded bug (intc_defs.svh) when ENABLE_BUGS is 1; synthesis builds with
// ENABLE_BUGS = 0, where the input is ignored and every bug hook is constant false.
module intc_top #(
  parameter int unsigned N           = 16,
  parameter int unsigned P           = 8,
  parameter int unsigned C           = 256,
  parameter int unsigned D           = 6,
  parameter int unsigned T           = 2,
  parameter int unsigned B           = 4,
  parameter int unsigned Q           = 255,
  parameter logic [63:0] BASE        = 64'h1000_0000,
  parameter int unsigned EDGE_W      = 8,
  parameter int unsigned ENABLE_BUGS = 0,
  // Derived widths (not meant to be overridden).
  parameter int unsigned DW          = (D > 1) ? $clog2(D) : 1,
  parameter int unsigned OW          = $clog2(C + 1),
  parameter int unsigned CW          = $clog2(B + 1),
  parameter int unsigned PDW         = $clog2(Q + 1),
  parameter int unsigned FW          = $clog2(N * C + 1)
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  // Register port.
  input  logic          req_valid_i,
  output logic          req_ready_o,
  input  logic          req_write_i,
  input  logic [63:0]   req_addr_i,
  input  logic [63:0]   req_wdata_i,
  output logic          rsp_valid_o,
  output logic [63:0]   rsp_rdata_o,
  // Interrupt lines.
  input  logic [D-1:0]  irq_i,
  // Seeded-bug select (simulation only).
  input  logic [7:0]    bug_sel_i,
  // Status.
  output logic          idle_o,
  output logic          edge_ovf_o,
  output logic          step_valid_o,
  output logic          step_irq_o,
  output logic [DW-1:0] step_line_o,
  // Observation port: read-only copies of the controller's state, for formal checkers and
  // monitors (Yosys reads neither hierarchical references nor bind); an SoC leaves it open.
  output logic [3:0]             obs_err_o,             // the ERROR bits
  output logic [N-1:0]           obs_online_o,          // online[p]
  output logic [N*OW-1:0]        obs_occ_o,             // occupancy(p) at [p*OW +: OW]
  output logic [N*P-1:0]         obs_ready_nonempty_o,  // ready[p][k] non-empty, bit p*P + k
  output logic [(D+N*T)*CW-1:0]  obs_wait_count_o,      // length of ring r at [r*CW +: CW]
  output logic [(D+N*T)*PDW-1:0] obs_pending_o,         // pending counter of ring r at [r*PDW +: PDW]
  output logic [FW-1:0]          obs_free_o,            // entries on the free list
  output logic [D-1:0]           obs_edge_waiting_o     // line d has an edge not yet taken
);
  localparam int unsigned PW = (N > 1) ? $clog2(N) : 1;
  localparam int unsigned KW = (P > 1) ? $clog2(P) : 1;
  localparam int unsigned QW = ((D + N * T) > 1) ? $clog2(D + N * T) : 1;

  logic [7:0] bug;
  if (ENABLE_BUGS != 0) begin : g_bugs
    assign bug = bug_sel_i;
  end else begin : g_no_bugs
    assign bug = intc_pkg::BUG_NONE;
    // bug_sel_i has no effect in a synthesis build (ENABLE_BUGS = 0).
    /* verilator lint_off UNUSEDSIGNAL */
    logic unused_bug_sel;
    assign unused_bug_sel = ^bug_sel_i;
    /* verilator lint_on UNUSEDSIGNAL */
  end

  // Request latch.
  logic        acc_valid_q, acc_write_q, acc_done, hs;
  logic [63:0] acc_addr_q, acc_wdata_q;
  assign req_ready_o = !acc_valid_q;
  assign hs = req_valid_i && req_ready_o;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      acc_valid_q <= 1'b0;
      acc_write_q <= 1'b0;
      acc_addr_q  <= '0;
      acc_wdata_q <= '0;
    end else if (hs) begin
      acc_valid_q <= 1'b1;
      acc_write_q <= req_write_i;
      acc_addr_q  <= req_addr_i;
      acc_wdata_q <= req_wdata_i;
    end else if (acc_done) begin
      acc_valid_q <= 1'b0;
    end
  end

  // Decode of the latched access.
  logic [3:0]    op;
  logic [PW-1:0] page;
  logic [KW-1:0] prio;
  logic [QW-1:0] ring;
  intc_reg_decode #(.N(N), .P(P), .D(D), .T(T), .BASE(BASE), .PW(PW), .KW(KW), .QW(QW)) u_decode (
    .write_i         (acc_write_q),
    .addr_i          (acc_addr_q),
    .wdata_i         (acc_wdata_q),
    .bug_unaligned_i (bug == intc_pkg::BUG_UNALIGNED_IGNORED),
    .bug_send_trunc_i(bug == intc_pkg::BUG_SEND_TARGET_TRUNC),
    .op_o            (op),
    .page_o          (page),
    .prio_o          (prio),
    .ring_o          (ring)
  );

  // Interrupt edges.
  logic          edge_valid, edge_take;
  logic [DW-1:0] edge_line;
  intc_irq_edges #(.D(D), .EW(EDGE_W), .DW(DW)) u_edges (
    .clk_i,
    .rst_ni,
    .irq_i,
    .bug_drop_i         (bug == intc_pkg::BUG_EDGE_LOST_ON_ACCEPT && hs),
    .bug_take_race_i    (bug == intc_pkg::BUG_EDGE_TAKE_RACE),
    .bug_one_per_cycle_i(bug == intc_pkg::BUG_EDGE_ONE_PER_CYCLE),
    .take_i             (edge_take),
    .take_line_i        (edge_line),
    .waiting_o          (obs_edge_waiting_o),
    .sel_valid_o        (edge_valid),
    .sel_line_o         (edge_line),
    .ovf_o              (edge_ovf_o)
  );

  intc_ctrl #(
    .N(N), .P(P), .C(C), .D(D), .T(T), .B(B), .Q(Q), .PW(PW), .KW(KW), .DW(DW), .QW(QW),
    .OW(OW), .CW(CW), .PDW(PDW), .FW(FW)
  ) u_ctrl (
    .clk_i,
    .rst_ni,
    .bug_i       (bug),
    .acc_valid_i (acc_valid_q),
    .op_i        (op),
    .page_i      (page),
    .prio_i      (prio),
    .ring_i      (ring),
    .wdata_i     (acc_wdata_q),
    .acc_done_o  (acc_done),
    .edge_valid_i(edge_valid),
    .edge_line_i (edge_line),
    .edge_take_o (edge_take),
    .rsp_valid_o,
    .rsp_rdata_o,
    .idle_o,
    .step_valid_o,
    .step_irq_o,
    .obs_err_o,
    .obs_online_o,
    .obs_occ_o,
    .obs_ready_nonempty_o,
    .obs_wait_count_o,
    .obs_pending_o,
    .obs_free_o
  );
  assign step_line_o = edge_line;
endmodule
