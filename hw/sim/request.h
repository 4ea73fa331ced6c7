// request.h: one request line of the intcheck-dut/1 protocol (spec/dut-protocol.md), parsed
// from JSON without allocating per request in the common case. Any input is accepted: a line
// that is not one JSON object, or lacks a field its op needs, yields an error text for an
// "ok": false reply, never an exception or a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

enum class Op { Hello, Reset, Read, Write, Irq, Bye, Unknown };

// The controller parameters of a `reset` config (controller.md §1). A missing field takes the
// published value, as a configuration file does; fields the controller does not use (harts,
// ringSlots …) are ignored.
struct ControllerConfig {
    uint64_t processes = 16, priorities = 8, capacity = 256, devices = 6, ipcTypes = 2,
             waitDepth = 4, pendingMax = 255, base = 0x10000000;
    bool operator==(const ControllerConfig& o) const {
        return processes == o.processes && priorities == o.priorities && capacity == o.capacity &&
               devices == o.devices && ipcTypes == o.ipcTypes && waitDepth == o.waitDepth &&
               pendingMax == o.pendingMax && base == o.base;
    }
    std::string describe() const;
};

struct Request {
    Op op = Op::Unknown;
    std::string opName;  // as written, for the "unknown op" reply
    bool hasAddr = false, hasData = false, hasLine = false, hasConfig = false;
    uint64_t addr = 0, data = 0;
    uint64_t line = 0;
    ControllerConfig config;
};

// Parses one line (without its newline). Returns false and sets `error` when the line is not a
// request this harness can execute.
bool parseRequest(const char* text, size_t length, Request& out, std::string& error);

// Appends `s` as a JSON string literal (with quotes) to `out`.
void appendJsonString(std::string& out, const std::string& s);
