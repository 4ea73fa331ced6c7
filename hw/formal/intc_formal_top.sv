// intc_formal_top: the formal harness of hw/rtl/intc_top. The design (BUG = 0: the correct
// design, its bug hooks tied off as in synthesis; BUG = 1: the seeded bugs compiled in, the one
// selected by the wire bug_sel, which the flow drives with a constant after elaboration, so that
// one elaboration serves every bug), the free
// environment (intc_bus_env) and the checker (intc_checker), wired by name. Everything is a
// function of the free inputs of intc_bus_env and of the checker's $anyconst watched id.
// The signals named ev_* are the run's observable events, which the witness reader takes from
// the counterexample's waveform.
module intc_formal_top #(
  parameter int unsigned N      = 2,
  parameter int unsigned P      = 2,
  parameter int unsigned C      = 3,
  parameter int unsigned D      = 2,
  parameter int unsigned T      = 2,
  parameter int unsigned B      = 2,
  parameter int unsigned Q      = 2,
  parameter logic [63:0] BASE   = 64'h1000_0000,
  parameter int unsigned EDGE_W = 8,
  parameter int unsigned BUG    = 0
) (
  input logic clk_i
);
  localparam int unsigned DW  = (D > 1) ? $clog2(D) : 1;
  localparam int unsigned OW  = $clog2(C + 1);
  localparam int unsigned CW  = $clog2(B + 1);
  localparam int unsigned PDW = $clog2(Q + 1);
  localparam int unsigned FW  = $clog2(N * C + 1);

  // The seeded bug (BUG = 1): left undriven here, driven by `connect -set bug_sel` (formalModel.ts).
  (* keep *) logic [7:0] bug_sel;
  if (BUG == 0) begin : g_correct
    assign bug_sel = 8'd0;
  end

  // keep: the witness reader needs these in every property's waveform, in its cone or not.
  (* keep *) logic          rst_ni;
  (* keep *) logic          ev_req_valid, ev_req_ready, ev_req_write, ev_rsp_valid;
  (* keep *) logic [63:0]   ev_req_addr, ev_req_wdata, ev_rsp_rdata;
  (* keep *) logic [D-1:0]  ev_irq;
  (* keep *) logic          ev_step_valid, ev_step_irq;
  (* keep *) logic [DW-1:0] ev_step_line;
  logic                   idle, edge_ovf, outstanding;
  logic [63:0]            wid;
  logic [3:0]             obs_err;
  logic [N-1:0]           obs_online;
  logic [N*OW-1:0]        obs_occ;
  logic [N*P-1:0]         obs_ready_nonempty;
  logic [(D+N*T)*CW-1:0]  obs_wait_count;
  logic [(D+N*T)*PDW-1:0] obs_pending;
  logic [FW-1:0]          obs_free;
  logic [D-1:0]           obs_edge_waiting;

  intc_bus_env #(.D(D)) u_env (
    .clk_i,
    .rst_ni,
    .req_valid_o  (ev_req_valid),
    .req_ready_i  (ev_req_ready),
    .req_write_o  (ev_req_write),
    .req_addr_o   (ev_req_addr),
    .req_wdata_o  (ev_req_wdata),
    .rsp_valid_i  (ev_rsp_valid),
    .irq_o        (ev_irq),
    .outstanding_i(outstanding),
    .wid_i        (wid)
  );

  intc_top #(
    .N(N), .P(P), .C(C), .D(D), .T(T), .B(B), .Q(Q), .BASE(BASE), .EDGE_W(EDGE_W),
    .ENABLE_BUGS(BUG)
  ) u_dut (
    .clk_i,
    .rst_ni,
    .req_valid_i         (ev_req_valid),
    .req_ready_o         (ev_req_ready),
    .req_write_i         (ev_req_write),
    .req_addr_i          (ev_req_addr),
    .req_wdata_i         (ev_req_wdata),
    .rsp_valid_o         (ev_rsp_valid),
    .rsp_rdata_o         (ev_rsp_rdata),
    .irq_i               (ev_irq),
    .bug_sel_i           (bug_sel),
    .idle_o              (idle),
    .edge_ovf_o          (edge_ovf),
    .step_valid_o        (ev_step_valid),
    .step_irq_o          (ev_step_irq),
    .step_line_o         (ev_step_line),
    .obs_err_o           (obs_err),
    .obs_online_o        (obs_online),
    .obs_occ_o           (obs_occ),
    .obs_ready_nonempty_o(obs_ready_nonempty),
    .obs_wait_count_o    (obs_wait_count),
    .obs_pending_o       (obs_pending),
    .obs_free_o          (obs_free),
    .obs_edge_waiting_o  (obs_edge_waiting)
  );

  // The induction probes: raw_* are driven by hw/formal/intc_probes.ys after flatten.
  localparam int unsigned PAW = ((N * C) > 1) ? $clog2(N * C) : 1;
  logic [D*EDGE_W-1:0] probe_edge_cnt;
  logic                probe_latched, probe_busy_acc, probe_busy_edge, probe_init, probe_bad_state;
  logic [PAW-1:0]      probe_init_idx;
  intc_probes #(.N(N), .C(C), .D(D), .EDGE_W(EDGE_W)) u_probes (
    .raw_state_i    (),
    .raw_cur_acc_i  (),
    .raw_init_idx_i (),
    .raw_acc_valid_i(),
    .raw_edge_cnt_i (),
    .edge_cnt_o     (probe_edge_cnt),
    .latched_o      (probe_latched),
    .busy_acc_o     (probe_busy_acc),
    .busy_edge_o    (probe_busy_edge),
    .init_o         (probe_init),
    .init_idx_o     (probe_init_idx),
    .bad_state_o    (probe_bad_state)
  );

  intc_checker #(
    .N(N), .P(P), .C(C), .D(D), .T(T), .B(B), .Q(Q), .BASE(BASE), .EDGE_W(EDGE_W), .HAS_PROBES(1)
  ) u_chk (
    .clk_i,
    .rst_ni,
    .req_valid_i         (ev_req_valid),
    .req_ready_i         (ev_req_ready),
    .req_write_i         (ev_req_write),
    .req_addr_i          (ev_req_addr),
    .req_wdata_i         (ev_req_wdata),
    .rsp_valid_i         (ev_rsp_valid),
    .rsp_rdata_i         (ev_rsp_rdata),
    .irq_i               (ev_irq),
    .step_valid_i        (ev_step_valid),
    .step_irq_i          (ev_step_irq),
    .step_line_i         (ev_step_line),
    .obs_err_i           (obs_err),
    .obs_occ_i           (obs_occ),
    .obs_ready_nonempty_i(obs_ready_nonempty),
    .obs_wait_count_i    (obs_wait_count),
    .obs_pending_i       (obs_pending),
    .obs_free_i          (obs_free),
    .probe_edge_cnt_i    (probe_edge_cnt),
    .probe_latched_i     (probe_latched),
    .probe_busy_acc_i    (probe_busy_acc),
    .probe_busy_edge_i   (probe_busy_edge),
    .probe_init_i        (probe_init),
    .probe_init_idx_i    (probe_init_idx),
    .probe_bad_state_i   (probe_bad_state),
    .outstanding_o       (outstanding),
    .wid_o               (wid)
  );

  // Outputs of the design no property reads.
  logic unused;
  assign unused = ^{idle, edge_ovf, obs_online, obs_edge_waiting};
endmodule
