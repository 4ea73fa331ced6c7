// intc_pkg: constants shared by the intc_* modules. Referenced as intc_pkg::NAME (Yosys 0.23
// does not read `import intc_pkg::*`).
package intc_pkg;

// Operation codes produced by intc_reg_decode for the access held in the request latch.
  localparam logic [3:0] OP_BAD      = 4'd0;  // a wrong access (controller.md §4.3)
  localparam logic [3:0] OP_DEQUEUE  = 4'd1;  // read  0x000
  localparam logic [3:0] OP_ENQUEUE  = 4'd2;  // write 0x008 + 8k
  localparam logic [3:0] OP_IPC_SEND = 4'd3;  // write 0x800
  localparam logic [3:0] OP_IPC_REG  = 4'd4;  // write 0x808 + 8t
  localparam logic [3:0] OP_IRQ_REG  = 4'd5;  // write 0x900 + 8d
  localparam logic [3:0] OP_ERR_RD   = 4'd6;  // read  0xF00
  localparam logic [3:0] OP_STAT_RD  = 4'd7;  // read  0xF08
  localparam logic [3:0] OP_STAT_WR  = 4'd8;  // write 0xF08

// Error register bits (controller.md §5).
  localparam int unsigned ERR_QUEUE_FULL       = 0;
  localparam int unsigned ERR_WAIT_FULL        = 1;
  localparam int unsigned ERR_PENDING_OVERFLOW = 2;
  localparam int unsigned ERR_BAD_ACCESS       = 3;

// Seeded bugs, selected by the bug_sel_i input when the ENABLE_BUGS parameter is 1 (the
// simulation harness). Synthesis keeps ENABLE_BUGS = 0, where every hook is constant false.
// The names and one-line descriptions live in hw/sim/bugs.h, in this order.
  localparam logic [7:0] BUG_NONE               = 8'd0;
  localparam logic [7:0] BUG_FULL_OFF_BY_ONE    = 8'd1;
  localparam logic [7:0] BUG_RING_PTR_NO_WRAP   = 8'd2;
  localparam logic [7:0] BUG_PRIO_ENC_REVERSED  = 8'd3;
  localparam logic [7:0] BUG_PENDING_WRAPS      = 8'd4;
  localparam logic [7:0] BUG_WAITER_POP_TAIL    = 8'd5;
  localparam logic [7:0] BUG_ERROR_NOT_CLEARED  = 8'd6;
  localparam logic [7:0] BUG_EDGE_LOST_ON_ACCEPT = 8'd7;
  localparam logic [7:0] BUG_FREE_LEAK_ON_REFUSE = 8'd8;
  localparam logic [7:0] BUG_WAKE_TO_KERNEL     = 8'd9;
  localparam logic [7:0] BUG_SEND_TARGET_TRUNC  = 8'd10;
  localparam logic [7:0] BUG_UNALIGNED_IGNORED  = 8'd11;
  localparam logic [7:0] BUG_EDGE_TAKE_RACE     = 8'd12;  // formal only
  localparam logic [7:0] BUG_EDGE_ONE_PER_CYCLE = 8'd13;  // formal only

endpackage
