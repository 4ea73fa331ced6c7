// intc_dut.cpp: the Verilator harness of hw/rtl/intc_top as a design under test for
// `intcheck conform` (spec/dut-protocol.md, protocol intcheck-dut/1).
//
// One binary serves both presets: it links two Verilated models of hw/sim/intc_sim_top, one
// elaborated at the `small` preset (Vintc_small) and one at `published` (Vintc_published), and
// a `reset` picks the model whose parameters equal the request's config (any other config is
// refused with ok:false). Stdin carries one JSON request per line, stdout one reply per line and
// nothing else; every reply of a batch of input is written at once, when no complete request
// line is left in the input buffer (the suite pipelines up to 32 requests).
//
// Timing of a request (one clock cycle = 10 time units in the waveform):
// - read/write: the request is offered on the register port until the controller takes it,
//   then the clock runs until rsp_valid_o; the reply carries rsp_rdata_o.
// - irq: one interrupt edge on the line, a one-cycle pulse. With --irq-mode overlap (the
//   default) the reply comes at once and the pulse is applied in the first cycle of the next
//   read or write, together with its request: intc_top takes an edge sampled at the clock edge
//   that latches a request before that request (see intc_top.sv), so the order of events is
//   that of the requests, and every conform run exercises that same-cycle case. A deferred
//   pulse followed by another irq, or by bye, is applied alone first. With --irq-mode
//   immediate the pulse is applied at once and the clock runs until the controller is idle.
// - reset: rst_ni low for two cycles, then the clock runs until the free list is initialised.
// A request the design does not complete within CYCLE_LIMIT cycles is answered ok:false.
//
// Usage: intc-dut [--bug NAME] [--vcd FILE] [--irq-mode overlap|immediate] | --list-bugs
#include <verilated.h>
#include <verilated_vcd_c.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unistd.h>

#include "Vintc_published.h"
#include "Vintc_small.h"
#include "bugs.h"
#include "request.h"

namespace {

const char* const PROTOCOL = "intcheck-dut/1";
const uint64_t CYCLE_LIMIT = 200000;
const size_t MAX_LINE = 1u << 20;

// The presets of protocols/controller/model/config/config.ts (the controller's fields).
ControllerConfig smallConfig() {
    ControllerConfig c;
    c.processes = 2, c.priorities = 2, c.capacity = 3, c.devices = 2, c.ipcTypes = 2;
    c.waitDepth = 2, c.pendingMax = 2, c.base = 0x10000000;
    return c;
}
ControllerConfig publishedConfig() { return ControllerConfig{}; }

// One elaborated configuration of the design, behind the protocol's operations.
class Dut {
  public:
    virtual ~Dut() = default;
    virtual void reset() = 0;
    virtual bool access(bool write, uint64_t addr, uint64_t wdata, uint64_t& rdata, std::string& err) = 0;
    virtual bool irq(unsigned line, std::string& err) = 0;
    // Applies a deferred interrupt pulse (overlap mode) on its own.
    virtual bool settle(std::string& err) = 0;
};

template <class V>
class VerilatedDut final : public Dut {
  public:
    VerilatedDut(uint8_t bug, bool overlap, const std::string& vcdPath) : bug_(bug), overlap_(overlap) {
        ctx_.traceEverOn(!vcdPath.empty());
        top_.reset(new V{&ctx_, "TOP"});
        if (!vcdPath.empty()) {
            vcd_.reset(new VerilatedVcdC);
            top_->trace(vcd_.get(), 99);
            vcd_->open(vcdPath.c_str());
            if (!vcd_->isOpen()) {
                std::fprintf(stderr, "intc-dut: cannot write %s\n", vcdPath.c_str());
                vcd_.reset();
            }
        }
        top_->clk_i = 1;
        top_->rst_ni = 0;
        idleInputs();
        top_->eval();
    }
    ~VerilatedDut() override {
        top_->final();
        if (vcd_) vcd_->close();
    }

    void reset() override {
        pendingLine_ = -1;
        step_ = 0;
        idleInputs();
        top_->rst_ni = 0;
        cycle();
        cycle();
        top_->rst_ni = 1;
        std::string ignored;
        runUntilIdle(ignored);
    }

    bool access(bool write, uint64_t addr, uint64_t wdata, uint64_t& rdata, std::string& err) override {
        top_->sim_step_i = step_;
        if (pendingLine_ >= 0) top_->irq_i = static_cast<uint8_t>(1u << pendingLine_);
        pendingLine_ = -1;
        top_->req_valid_i = 1;
        top_->req_write_i = write;
        top_->req_addr_i = addr;
        top_->req_wdata_i = wdata;
        uint64_t n = 0;
        while (true) {
            bool taken = top_->req_ready_o;  // registered: valid before this clock edge
            cycle();
            top_->irq_i = 0;
            if (taken) break;
            if (++n > CYCLE_LIMIT) return stalled("the request was not taken", err);
        }
        top_->req_valid_i = 0;
        top_->req_write_i = 0;
        top_->req_addr_i = 0;
        top_->req_wdata_i = 0;
        while (!top_->rsp_valid_o) {
            cycle();
            if (++n > CYCLE_LIMIT) return stalled("no response", err);
        }
        rdata = top_->rsp_rdata_o;
        ++step_;
        return true;
    }

    bool irq(unsigned line, std::string& err) override {
        if (!settle(err)) return false;
        if (overlap_) {
            pendingLine_ = static_cast<int>(line);
            pendingStep_ = step_++;
            return true;
        }
        return pulse(line, step_++, err);
    }

    bool settle(std::string& err) override {
        if (pendingLine_ < 0) return true;
        int line = pendingLine_;
        pendingLine_ = -1;
        return pulse(static_cast<unsigned>(line), pendingStep_, err);
    }

  private:
    void idleInputs() {
        top_->req_valid_i = 0;
        top_->req_write_i = 0;
        top_->req_addr_i = 0;
        top_->req_wdata_i = 0;
        top_->irq_i = 0;
        top_->bug_sel_i = bug_;
        top_->sim_step_i = 0;
    }

    // One clock cycle: the inputs set by the caller take effect at the falling edge, the
    // design moves at the rising edge.
    void cycle() {
        top_->clk_i = 0;
        top_->eval();
        if (vcd_) vcd_->dump(ctx_.time());
        ctx_.timeInc(5);
        top_->clk_i = 1;
        top_->eval();
        if (vcd_) vcd_->dump(ctx_.time());
        ctx_.timeInc(5);
    }

    bool pulse(unsigned line, uint32_t step, std::string& err) {
        top_->sim_step_i = step;
        top_->irq_i = static_cast<uint8_t>(1u << line);
        cycle();
        top_->irq_i = 0;
        return runUntilIdle(err);
    }

    bool runUntilIdle(std::string& err) {
        for (uint64_t n = 0; !top_->idle_o; ++n) {
            if (n > CYCLE_LIMIT) return stalled("the controller did not become idle", err);
            cycle();
        }
        return true;
    }

    bool stalled(const char* what, std::string& err) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s within %llu cycles (the design stalled)", what,
                      (unsigned long long)CYCLE_LIMIT);
        err = buf;
        return false;
    }

    VerilatedContext ctx_;
    std::unique_ptr<V> top_;
    std::unique_ptr<VerilatedVcdC> vcd_;
    uint8_t bug_;
    bool overlap_;
    int pendingLine_ = -1;
    uint32_t pendingStep_ = 0;
    uint32_t step_ = 0;
};

struct Options {
    uint8_t bug = 0;
    std::string bugName;
    std::string vcd;
    bool overlap = true;
};

void listBugs(FILE* to) {
    for (const SeededBug& b : SEEDED_BUGS) std::fprintf(to, "%s %s\n", b.name, b.description);
}

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "intc-dut: %s\nusage: intc-dut [--bug NAME] [--vcd FILE] [--irq-mode overlap|immediate]\n"
                 "       intc-dut --list-bugs\n",
                 why);
    std::exit(2);
}

Options parseArgs(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* flag) -> std::string {
            if (i + 1 >= argc) usage((std::string(flag) + " needs a value").c_str());
            return argv[++i];
        };
        if (a == "--list-bugs") {
            listBugs(stdout);
            std::exit(0);
        } else if (a == "--bug") {
            o.bugName = value("--bug");
            o.bug = 0;
            for (const SeededBug& b : SEEDED_BUGS)
                if (o.bugName == b.name) o.bug = b.id;
            if (o.bug == 0) {
                std::fprintf(stderr, "intc-dut: unknown bug \"%s\"; the seeded bugs are:\n", o.bugName.c_str());
                listBugs(stderr);
                std::exit(2);
            }
        } else if (a == "--vcd") {
            o.vcd = value("--vcd");
        } else if (a == "--irq-mode") {
            std::string m = value("--irq-mode");
            if (m != "overlap" && m != "immediate") usage("--irq-mode is overlap or immediate");
            o.overlap = m == "overlap";
        } else if (a == "--help" || a == "-h") {
            std::printf("usage: intc-dut [--bug NAME] [--vcd FILE] [--irq-mode overlap|immediate]\n"
                        "       intc-dut --list-bugs\n");
            std::exit(0);
        } else {
            usage(("unknown argument " + a).c_str());
        }
    }
    return o;
}

// The VCD file of the second configuration used in one session: FILE with the preset's name
// before its extension (cex.vcd -> cex.published.vcd).
std::string secondVcd(const std::string& path, const char* preset) {
    size_t slash = path.rfind('/');
    size_t dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return path + "." + preset;
    return path.substr(0, dot) + "." + preset + path.substr(dot);
}

class Harness {
  public:
    explicit Harness(const Options& o) : o_(o) {
        out_.reserve(1u << 20);
        name_ = o.bug == 0 ? "intc-rtl" : "intc-rtl-bug-" + o.bugName;
    }
    ~Harness() { flush(); }

    // Handles one request line; returns false after `bye`.
    bool handle(const char* text, size_t n) {
        Request r;
        std::string err;
        if (!parseRequest(text, n, r, err)) return refuse(err);
        switch (r.op) {
        case Op::Hello:
            out_ += "{\"ok\":true,\"name\":";
            appendJsonString(out_, name_);
            out_ += ",\"protocol\":\"";
            out_ += PROTOCOL;
            out_ += "\"}\n";
            return true;
        case Op::Reset: return reset(r);
        case Op::Read:
        case Op::Write: return access(r);
        case Op::Irq: return irq(r);
        case Op::Bye:
            if (current_ != nullptr) current_->settle(err);
            out_ += "{\"ok\":true}\n";
            return false;
        case Op::Unknown: break;
        }
        std::string why = "unknown op ";
        appendJsonString(why, r.opName);
        return refuse(why);
    }

    bool refuse(const std::string& why) {
        out_ += "{\"ok\":false,\"error\":";
        appendJsonString(out_, why);
        out_ += "}\n";
        return true;
    }

    void flush() {
        size_t off = 0;
        while (off < out_.size()) {
            ssize_t w = ::write(1, out_.data() + off, out_.size() - off);
            if (w < 0) {
                if (errno == EINTR) continue;
                std::fprintf(stderr, "intc-dut: stdout closed (%s)\n", std::strerror(errno));
                std::exit(1);
            }
            off += static_cast<size_t>(w);
        }
        out_.clear();
    }

  private:
    bool reset(const Request& r) {
        if (!r.hasConfig) return refuse("reset needs a \"config\" object");
        Dut* next = nullptr;
        if (r.config == smallConfig()) {
            next = model<Vintc_small>(small_, "small");
            devices_ = smallConfig().devices;
        } else if (r.config == publishedConfig()) {
            next = model<Vintc_published>(published_, "published");
            devices_ = publishedConfig().devices;
        } else {
            return refuse("this build of intc_top is elaborated for the small preset (" +
                          smallConfig().describe() + ") and the published preset (" +
                          publishedConfig().describe() + ") only, not for " + r.config.describe());
        }
        current_ = next;
        current_->reset();
        out_ += "{\"ok\":true}\n";
        return true;
    }

    template <class V>
    Dut* model(std::unique_ptr<Dut>& slot, const char* preset) {
        if (!slot) {
            std::string vcd;
            if (!o_.vcd.empty()) vcd = tracing_++ == 0 ? o_.vcd : secondVcd(o_.vcd, preset);
            slot.reset(new VerilatedDut<V>(o_.bug, o_.overlap, vcd));
        }
        return slot.get();
    }

    bool access(const Request& r) {
        bool write = r.op == Op::Write;
        if (!r.hasAddr) return refuse(write ? "write needs \"addr\"" : "read needs \"addr\"");
        if (write && !r.hasData) return refuse("write needs \"data\"");
        if (current_ == nullptr) return refuse("no configuration yet: send reset first");
        uint64_t data = 0;
        std::string err;
        if (!current_->access(write, r.addr, write ? r.data : 0, data, err)) return refuse(err);
        if (write) {
            out_ += "{\"ok\":true}\n";
        } else {
            char buf[48];
            int len = std::snprintf(buf, sizeof buf, "{\"ok\":true,\"data\":\"0x%llx\"}\n",
                                    (unsigned long long)data);
            out_.append(buf, static_cast<size_t>(len));
        }
        return true;
    }

    bool irq(const Request& r) {
        if (!r.hasLine) return refuse("irq needs \"line\"");
        if (current_ == nullptr) return refuse("no configuration yet: send reset first");
        if (r.line >= devices_) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "no such interrupt line %llu (the configuration has %llu)",
                          (unsigned long long)r.line, (unsigned long long)devices_);
            return refuse(buf);
        }
        std::string err;
        if (!current_->irq(static_cast<unsigned>(r.line), err)) return refuse(err);
        out_ += "{\"ok\":true}\n";
        return true;
    }

    Options o_;
    std::string name_;
    std::string out_;
    std::unique_ptr<Dut> small_, published_;
    Dut* current_ = nullptr;
    uint64_t devices_ = 0;
    int tracing_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    Options o = parseArgs(argc, argv);
    Harness h(o);
    static char buf[1u << 16];
    std::string line;
    line.reserve(4096);
    bool overlong = false;
    while (true) {
        ssize_t n = ::read(0, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (n == 0) {  // end of input: a last line without a newline is still a request
            if (!line.empty() && !overlong) h.handle(line.data(), line.size());
            break;
        }
        const char* p = buf;
        const char* end = buf + n;
        while (p < end) {
            const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
            const char* stop = nl != nullptr ? nl : end;
            if (!overlong) {
                line.append(p, static_cast<size_t>(stop - p));
                if (line.size() > MAX_LINE) {
                    overlong = true;
                    line.clear();
                }
            }
            if (nl == nullptr) break;
            p = nl + 1;
            bool more = true;
            if (overlong) {
                h.refuse("request line longer than 1 MiB");
            } else {
                size_t len = line.size();
                if (len > 0 && line[len - 1] == '\r') --len;
                more = h.handle(line.data(), len);
            }
            overlong = false;
            line.clear();
            if (!more) {
                h.flush();
                return 0;
            }
        }
        h.flush();
    }
    h.flush();
    return 0;
}
