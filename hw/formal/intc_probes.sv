// intc_probes: what the induction invariants of intc_checker need to know of intc_top's inside,
// in the checker's terms. Only the k-induction step needs it; bounded model checking does not
// read it, and a design bound to the checker without probes (HAS_PROBES = 0) loses only the
// proofs (docs/formal.md, "Pointing the checker at another design").
//
// Yosys 0.23 reads no hierarchical references, so the raw_* inputs are left unconnected here and
// driven after `flatten` by hw/formal/intc_probes.ys (`connect -nounset -set raw_... u_dut....`), the one
// place that names intc_top's internal registers. The state encoding is intc_ctrl's ST_*.
module intc_probes #(
  parameter int unsigned N      = 2,
  parameter int unsigned C      = 3,
  parameter int unsigned D      = 2,
  parameter int unsigned EDGE_W = 8,
  parameter int unsigned AW     = ((N * C) > 1) ? $clog2(N * C) : 1
) (
  // Raw: intc_ctrl's state_q, cur_acc_q and init_idx_q, intc_top's acc_valid_q, and
  // intc_irq_edges's cnt_q, line d at [d*EDGE_W +: EDGE_W].
  input  logic [2:0]          raw_state_i,
  input  logic                raw_cur_acc_i,
  input  logic [AW-1:0]       raw_init_idx_i,
  input  logic                raw_acc_valid_i,
  input  logic [D*EDGE_W-1:0] raw_edge_cnt_i,
  // In the checker's terms.
  output logic [D*EDGE_W-1:0] edge_cnt_o,   // per line, the edges sampled and not yet taken
  output logic                latched_o,    // an access is taken and not yet completed
  output logic                busy_acc_o,   // the second cycle of an access step
  output logic                busy_edge_o,  // the second cycle of an edge step
  output logic                init_o,       // initialising (no step can start)
  output logic [AW-1:0]       init_idx_o,   // initialisation cycles done
  output logic                bad_state_o   // a state the sequencer never reaches
);
  localparam logic [2:0] ST_INIT = 3'd0, ST_IDLE = 3'd1, ST_PUT = 3'd2, ST_DEQ = 3'd3,
                         ST_WAKE = 3'd4, ST_LEAK = 3'd5;
  assign edge_cnt_o  = raw_edge_cnt_i;
  assign latched_o   = raw_acc_valid_i;
  assign busy_acc_o  = raw_state_i == ST_PUT || raw_state_i == ST_DEQ || raw_state_i == ST_LEAK
                       || (raw_state_i == ST_WAKE && raw_cur_acc_i);
  assign busy_edge_o = raw_state_i == ST_WAKE && !raw_cur_acc_i;
  assign init_o      = raw_state_i == ST_INIT;
  assign init_idx_o  = raw_init_idx_i;
  assign bad_state_o = raw_state_i > ST_LEAK || (raw_state_i == ST_INIT && 32'(raw_init_idx_i) >= N * C);
endmodule
