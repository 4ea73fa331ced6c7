// intc_sim_top: the top of the Verilator harness (hw/sim/intc_dut.cpp): intc_top built with
// its seeded bugs selectable at run time (ENABLE_BUGS = 1), plus sim_step_i, the harness's
// number of the DUT-protocol request being executed (0 for the first read, write or irq after
// each reset). sim_step_i drives nothing: it is there so that a waveform shows which request
// every cycle belongs to. Not for synthesis (synthesis reads hw/rtl/ only, top intc_top).
module intc_sim_top #(
  parameter int unsigned N    = 16,
  parameter int unsigned P    = 8,
  parameter int unsigned C    = 256,
  parameter int unsigned D    = 6,
  parameter int unsigned T    = 2,
  parameter int unsigned B    = 4,
  parameter int unsigned Q    = 255,
  parameter logic [63:0] BASE = 64'h1000_0000,
  parameter int unsigned DW   = (D > 1) ? $clog2(D) : 1,
  parameter int unsigned OW   = $clog2(C + 1),
  parameter int unsigned CW   = $clog2(B + 1),
  parameter int unsigned PDW  = $clog2(Q + 1),
  parameter int unsigned FW   = $clog2(N * C + 1)
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  input  logic          req_valid_i,
  output logic          req_ready_o,
  input  logic          req_write_i,
  input  logic [63:0]   req_addr_i,
  input  logic [63:0]   req_wdata_i,
  output logic          rsp_valid_o,
  output logic [63:0]   rsp_rdata_o,
  input  logic [D-1:0]  irq_i,
  input  logic [7:0]    bug_sel_i,
  output logic          idle_o,
  output logic          edge_ovf_o,
  output logic          step_valid_o,
  output logic          step_irq_o,
  output logic [DW-1:0] step_line_o,
  output logic [3:0]             obs_err_o,
  output logic [N-1:0]           obs_online_o,
  output logic [N*OW-1:0]        obs_occ_o,
  output logic [N*P-1:0]         obs_ready_nonempty_o,
  output logic [(D+N*T)*CW-1:0]  obs_wait_count_o,
  output logic [(D+N*T)*PDW-1:0] obs_pending_o,
  output logic [FW-1:0]          obs_free_o,
  output logic [D-1:0]           obs_edge_waiting_o,
  // Traced only (see the header).
  /* verilator lint_off UNUSEDSIGNAL */
  input  logic [31:0]   sim_step_i
  /* verilator lint_on UNUSEDSIGNAL */
);
  intc_top #(
    .N(N), .P(P), .C(C), .D(D), .T(T), .B(B), .Q(Q), .BASE(BASE), .ENABLE_BUGS(1), .DW(DW),
    .OW(OW), .CW(CW), .PDW(PDW), .FW(FW)
  ) u_intc (
    .clk_i,
    .rst_ni,
    .req_valid_i,
    .req_ready_o,
    .req_write_i,
    .req_addr_i,
    .req_wdata_i,
    .rsp_valid_o,
    .rsp_rdata_o,
    .irq_i,
    .bug_sel_i,
    .idle_o,
    .edge_ovf_o,
    .step_valid_o,
    .step_irq_o,
    .step_line_o,
    .obs_err_o,
    .obs_online_o,
    .obs_occ_o,
    .obs_ready_nonempty_o,
    .obs_wait_count_o,
    .obs_pending_o,
    .obs_free_o,
    .obs_edge_waiting_o
  );
endmodule
