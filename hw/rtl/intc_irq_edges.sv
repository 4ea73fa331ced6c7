// intc_irq_edges: the interrupt inputs. Samples irq_i every cycle; a line that is 1 at a clock
// edge and was 0 at the previous one has a rising edge there, and each rising edge is one
// interrupt event. Every line has a backlog counter of the edges it has not yet handed to the
// controller, so no edge is lost or merged while the controller is busy: any set of lines may
// rise in any cycle, including during a multi-cycle bus access. The controller takes one edge
// at a time (take_i), always from the lowest-numbered line with a waiting edge (sel_line_o):
// edges sampled at the same clock edge are therefore taken lowest line first, and so are edges
// of different lines that are waiting at the same time (per-line counting keeps no arrival
// order across lines). A counter that is at its maximum (2^EW - 1) when another edge of its line
// arrives keeps its value and sets the sticky ovf_o: only then is an edge lost, and it is
// reported. During reset the previous-sample register follows the lines, so a line that is
// already high when reset ends is not an edge.
module intc_irq_edges #(
  parameter int unsigned D  = 6,
  parameter int unsigned EW = 8,
  parameter int unsigned DW = (D > 1) ? $clog2(D) : 1
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  input  logic [D-1:0]  irq_i,
  // Seeded-bug hooks (constant 0 outside the harness): drop the edges sampled this cycle;
  // let a take win over an edge of the same line in the same cycle; count only the lowest
  // line that rose in a cycle.
  input  logic          bug_drop_i,
  input  logic          bug_take_race_i,
  input  logic          bug_one_per_cycle_i,
  // The controller takes the selected edge (one event of line take_line_i) in this cycle.
  input  logic          take_i,
  input  logic [DW-1:0] take_line_i,
  output logic [D-1:0]  waiting_o,
  output logic          sel_valid_o,
  output logic [DW-1:0] sel_line_o,
  output logic          ovf_o
);
  // Not '1: Yosys 0.23 reads an unsized '1 in a parameter as the value 1 (so the synthesised and
  // formal views of this file dropped the second waiting edge of a line).
  localparam logic [EW-1:0] CNT_MAX = {EW{1'b1}};

  logic [D-1:0]  irq_q;
  logic [EW-1:0] cnt_q [D];
  logic          ovf_q;
  logic [D-1:0]  rise_all, rise_low, rise;

  assign rise_all = irq_i & ~irq_q;
  assign rise_low = rise_all & (~rise_all + D'(1));  // the lowest set bit only
  assign rise = bug_drop_i ? '0 : (bug_one_per_cycle_i ? rise_low : rise_all);

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      irq_q <= irq_i;
      ovf_q <= 1'b0;
      for (int d = 0; d < D; d++) cnt_q[d] <= '0;
    end else begin
      irq_q <= irq_i;
      for (int d = 0; d < D; d++) begin
        if (take_i && take_line_i == DW'(d)) begin
          // A take and a new edge of the same line in one cycle leave the count as it was.
          if (!rise[d] || bug_take_race_i) cnt_q[d] <= cnt_q[d] - EW'(1);
        end else if (rise[d]) begin
          if (cnt_q[d] == CNT_MAX) ovf_q <= 1'b1;
          else cnt_q[d] <= cnt_q[d] + EW'(1);
        end
      end
    end
  end

  always_comb begin
    for (int d = 0; d < D; d++) waiting_o[d] = cnt_q[d] != '0;
  end

  intc_prio_enc #(.W(D), .IW(DW)) u_sel (
    .req_i      (waiting_o),
    .msb_first_i(1'b0),
    .valid_o    (sel_valid_o),
    .idx_o      (sel_line_o)
  );

  assign ovf_o = ovf_q;
endmodule
