// intc_ram_1r1w: a simple dual-port RAM with one synchronous write port and one synchronous
// read port (the data of an address presented in cycle t is on rdata_o in cycle t+1; a read
// and a write of the same address in one cycle return the old data). No reset: the contents
// are only read where the controller wrote them first. When DEPTH is not a power of two, a
// write to an address >= DEPTH is dropped and a read of one returns 0, so that even a seeded
// bug that computes such an address has a defined effect. Yosys infers a $mem for it.
module intc_ram_1r1w #(
  parameter int unsigned WIDTH = 64,
  parameter int unsigned DEPTH = 8,
  parameter int unsigned AW    = (DEPTH > 1) ? $clog2(DEPTH) : 1
) (
  input  logic             clk_i,
  input  logic             we_i,
  input  logic [AW-1:0]    waddr_i,
  input  logic [WIDTH-1:0] wdata_i,
  input  logic             re_i,
  input  logic [AW-1:0]    raddr_i,
  output logic [WIDTH-1:0] rdata_o
);
  logic [WIDTH-1:0] mem_q [DEPTH];
  logic [WIDTH-1:0] data_q;
  logic             in_q;

  // Whether an address names a row (always true when DEPTH fills the address space).
  logic w_in, r_in;
  if (DEPTH == (1 << AW)) begin : g_full
    assign w_in = 1'b1;
    assign r_in = 1'b1;
  end else begin : g_partial
    assign w_in = {1'b0, waddr_i} < (AW + 1)'(DEPTH);
    assign r_in = {1'b0, raddr_i} < (AW + 1)'(DEPTH);
  end

  // A plain synchronous read port (the output register holds when re_i is low); the row check
  // is registered beside it and applied after it, so the port still maps onto a RAM macro.
  always_ff @(posedge clk_i) begin
    if (we_i && w_in) mem_q[waddr_i] <= wdata_i;
    if (re_i) begin
      data_q <= mem_q[raddr_i];
      in_q   <= r_in;
    end
  end
  assign rdata_o = in_q ? data_q : '0;
endmodule
