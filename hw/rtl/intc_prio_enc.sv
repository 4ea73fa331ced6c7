// intc_prio_enc: priority encoder, the index of the lowest set bit of req_i (valid_o when any
// bit is set). Used to pick the lowest-numbered non-empty priority of a process (DEQUEUE) and
// the lowest-numbered interrupt line with a waiting edge. msb_first_i reverses the direction
// (the highest set bit wins): it is only ever driven by a seeded bug.
module intc_prio_enc #(
  parameter int unsigned W  = 8,
  parameter int unsigned IW = (W > 1) ? $clog2(W) : 1
) (
  input  logic [W-1:0]  req_i,
  input  logic          msb_first_i,
  output logic          valid_o,
  output logic [IW-1:0] idx_o
);
  always_comb begin
    idx_o = '0;
    if (msb_first_i) begin
      for (int i = 0; i < W; i++) if (req_i[i]) idx_o = IW'(i);
    end else begin
      for (int i = W - 1; i >= 0; i--) if (req_i[i]) idx_o = IW'(i);
    end
  end
  assign valid_o = |req_i;
endmodule
