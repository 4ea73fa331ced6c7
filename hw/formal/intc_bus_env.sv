// intc_bus_env: the free environment of the formal harness. Every bus input and every interrupt
// line is a free value in every cycle ($anyseq); the assumptions below keep the bus a legal
// single-handshake master, and nothing more. The interrupt lines are unconstrained: any set of
// lines may rise or fall in any cycle, including the cycle of a handshake.
//
// What the assumptions promise a design (and what a design bound to intc_checker may rely on):
// - reset: rst_ni is low in the first cycle only, and no request is offered during it;
// - hold: a request that is offered and not taken is offered again in the next cycle, unchanged
//   (direction, address, data), as a valid/ready master must;
// - one outstanding access: a request is offered only when the previous access has been answered
//   or is answered in that cycle (the reference RTL's req_ready already enforces it);
// - the watched task id (the checker's wid, chosen by $anyconst) is non-zero and is the data of at
//   most one write: the controller never interprets a task id beyond zero/non-zero and
//   equality (controller.md §2), so any run with repeated ids is a run with fresh ids renamed,
//   and one unique watched instance loses no behaviour (data independence).
module intc_bus_env #(
  parameter int unsigned D = 2
) (
  input  logic          clk_i,
  output logic          rst_ni,
  output logic          req_valid_o,
  input  logic          req_ready_i,
  output logic          req_write_o,
  output logic [63:0]   req_addr_o,
  output logic [63:0]   req_wdata_o,
  input  logic          rsp_valid_i,
  output logic [D-1:0]  irq_o,
  // From the checker: an access taken and not yet answered; the watched id.
  input  logic          outstanding_i,
  input  logic [63:0]   wid_i
);
  (* anyseq *) logic          any_valid;
  (* anyseq *) logic          any_write;
  (* anyseq *) logic [63:0]   any_addr;
  (* anyseq *) logic [63:0]   any_wdata;
  (* anyseq *) logic [D-1:0]  any_irq;

  logic first_q = 1'b1;
  always_ff @(posedge clk_i) first_q <= 1'b0;
  assign rst_ni = !first_q;

  assign req_valid_o = any_valid;
  assign req_write_o = any_write;
  assign req_addr_o  = any_addr;
  assign req_wdata_o = any_wdata;
  assign irq_o       = any_irq;

  // The request offered in the previous cycle and not taken.
  logic        held_q, held_write_q;
  logic [63:0] held_addr_q, held_wdata_q;
  logic        wid_written_q;
  always_ff @(posedge clk_i) begin
    held_q       <= !first_q && req_valid_o && !req_ready_i;
    held_write_q <= req_write_o;
    held_addr_q  <= req_addr_o;
    held_wdata_q <= req_wdata_o;
    if (first_q) wid_written_q <= 1'b0;
    else if (req_valid_o && req_ready_i && req_write_o && req_wdata_o == wid_i) wid_written_q <= 1'b1;
  end

  always_comb begin
    // The first cycle is the reset; nothing is offered in it.
    reset_quiet_M: assume (!first_q || !req_valid_o);
    // A request not taken stays offered, unchanged.
    hold_M: assume (!held_q || (req_valid_o && req_write_o == held_write_q && req_addr_o == held_addr_q
                                && req_wdata_o == held_wdata_q));
    // One access at a time.
    one_outstanding_M: assume (!req_valid_o || !outstanding_i || rsp_valid_i);
    // The watched id is a task id (non-zero) written at most once.
    watch_nonzero_M: assume (wid_i != 64'd0);
    watch_once_M: assume (!(wid_written_q && req_valid_o && req_ready_i && req_write_o && req_wdata_o == wid_i));
  end
endmodule
