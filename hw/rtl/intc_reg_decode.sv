// intc_reg_decode: the register map of controller.md §4 as combinational logic. Turns one
// 64-bit access (direction, address, write data) into an operation code, the page (process)
// it addresses, the priority of an ENQUEUE, and the blocked-queue ring of an IRQ_REGISTER,
// IPC_REGISTER or IPC_SEND. Every wrong access of §4.3 decodes to intc_pkg::OP_BAD: an address outside
// [BASE, BASE + N*0x1000), an unaligned address, an unmapped offset, a read of a write-only or
// a write of a read-only register, a priority >= P, a device >= D, a type >= T, an IPC_SEND with
// a type >= T or a target process >= N, and a task id 0 written to ENQUEUE, IRQ_REGISTER or
// IPC_REGISTER.
//
// Ring numbering (shared with intc_ctrl): rings 0..D-1 are the per-device waiter queues
// irqWait[d]; ring D + p*T + t is the handler queue ipcWait[p][t]. Each ring has one pending
// counter beside it (irqPending[d], ipcPending[p][t]).
module intc_reg_decode #(
  parameter int unsigned N    = 16,
  parameter int unsigned P    = 8,
  parameter int unsigned D    = 6,
  parameter int unsigned T    = 2,
  parameter logic [63:0] BASE = 64'h1000_0000,
  parameter int unsigned PW   = (N > 1) ? $clog2(N) : 1,
  parameter int unsigned KW   = (P > 1) ? $clog2(P) : 1,
  parameter int unsigned QW   = ((D + N * T) > 1) ? $clog2(D + N * T) : 1
) (
  input  logic          write_i,
  input  logic [63:0]   addr_i,
  input  logic [63:0]   wdata_i,
  // Seeded-bug hooks (constant 0 outside the harness): ignore the low address bits; check an
  // IPC_SEND's target process on its low PW bits only.
  input  logic          bug_unaligned_i,
  input  logic          bug_send_trunc_i,
  output logic [3:0]    op_o,
  output logic [PW-1:0] page_o,
  output logic [KW-1:0] prio_o,
  output logic [QW-1:0] ring_o
);
  localparam int unsigned TW = (T > 1) ? $clog2(T) : 1;
  localparam int unsigned DW = (D > 1) ? $clog2(D) : 1;

  logic [63:0] addr, rel;
  logic        in_range, aligned;
  logic [11:0] off;
  logic [8:0]  prio_full;   // (off - 0x008) / 8 in the ENQUEUE area
  logic [4:0]  type_full;   // (off - 0x808) / 8 in the IPC_REGISTER area
  logic [8:0]  dev_full;    // (off - 0x900) / 8 in the IRQ_REGISTER area
  logic [31:0] send_type, send_proc;
  logic        send_ok, task_ok;

  assign addr      = bug_unaligned_i ? {addr_i[63:3], 3'b000} : addr_i;
  assign rel       = addr - BASE;
  assign in_range  = (addr >= BASE) && (rel[63:12] < 52'(N));
  assign aligned   = addr[2:0] == 3'b000;
  assign off       = rel[11:0];
  assign page_o    = PW'(rel[63:12]);
  assign prio_full = off[11:3] - 9'd1;
  assign type_full = off[7:3] - 5'd1;
  assign dev_full  = off[11:3] - 9'h120;
  assign send_type = wdata_i[63:32];
  assign send_proc = bug_send_trunc_i ? 32'(wdata_i[PW-1:0]) : wdata_i[31:0];
  assign send_ok   = (send_type < 32'(T)) && (send_proc < 32'(N));
  assign task_ok   = wdata_i != 64'd0;

  always_comb begin
    op_o   = intc_pkg::OP_BAD;
    prio_o = '0;
    ring_o = '0;
    if (in_range && aligned) begin
      if (off == 12'h000) begin
        if (!write_i) op_o = intc_pkg::OP_DEQUEUE;
      end else if (off < 12'h800) begin
        if (write_i && prio_full < 9'(P) && task_ok) begin
          op_o   = intc_pkg::OP_ENQUEUE;
          prio_o = KW'(prio_full);
        end
      end else if (off == 12'h800) begin
        if (write_i && send_ok) begin
          op_o   = intc_pkg::OP_IPC_SEND;
          ring_o = QW'(D + send_proc * T + send_type);
        end
      end else if (off < 12'h900) begin
        if (write_i && type_full < 5'(T) && task_ok) begin
          op_o   = intc_pkg::OP_IPC_REG;
          ring_o = QW'(D + 32'(page_o) * T + 32'(TW'(type_full)));
        end
      end else if (off < 12'hF00) begin
        if (write_i && dev_full < 9'(D) && task_ok) begin
          op_o   = intc_pkg::OP_IRQ_REG;
          ring_o = QW'(DW'(dev_full));
        end
      end else if (off == 12'hF00) begin
        if (!write_i) op_o = intc_pkg::OP_ERR_RD;
      end else if (off == 12'hF08) begin
        op_o = write_i ? intc_pkg::OP_STAT_WR : intc_pkg::OP_STAT_RD;
      end
    end
  end
endmodule
