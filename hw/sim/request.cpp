// request.cpp: a small strict JSON reader for the request lines of intcheck-dut/1. It checks
// the whole line against the JSON grammar (RFC 8259), keeps the fields a request needs, and
// skips any other field. Nesting is limited so that hostile input cannot exhaust the stack.
#include "request.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace {

const int MAX_DEPTH = 64;

class Reader {
  public:
    Reader(const char* s, size_t n) : s_(s), n_(n) {}

    bool fail(const char* what) {
        if (error_.empty()) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "malformed JSON: %s at column %zu", what, i_ + 1);
            error_ = buf;
        }
        return false;
    }
    const std::string& error() const { return error_; }

    void ws() {
        while (i_ < n_ && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    bool atEnd() {
        ws();
        return i_ == n_;
    }
    bool peek(char c) {
        ws();
        return i_ < n_ && s_[i_] == c;
    }
    bool expect(char c, const char* what) {
        ws();
        if (i_ < n_ && s_[i_] == c) {
            ++i_;
            return true;
        }
        return fail(what);
    }

    // A JSON string into `out` (UTF-8, escapes decoded).
    bool string(std::string& out) {
        out.clear();
        ws();
        if (i_ >= n_ || s_[i_] != '"') return fail("expected a string");
        ++i_;
        while (true) {
            if (i_ >= n_) return fail("unterminated string");
            unsigned char c = static_cast<unsigned char>(s_[i_++]);
            if (c == '"') return true;
            if (c < 0x20) return fail("control character in a string");
            if (c != '\\') {
                out.push_back(static_cast<char>(c));
                continue;
            }
            if (i_ >= n_) return fail("unterminated escape");
            char e = s_[i_++];
            switch (e) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                unsigned cp;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair
                    unsigned lo;
                    if (i_ + 1 >= n_ || s_[i_] != '\\' || s_[i_ + 1] != 'u')
                        return fail("unpaired surrogate");
                    i_ += 2;
                    if (!hex4(lo)) return false;
                    if (lo < 0xDC00 || lo >= 0xE000) return fail("unpaired surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp < 0xE000) {
                    return fail("unpaired surrogate");
                }
                utf8(cp, out);
                break;
            }
            default: return fail("bad escape");
            }
        }
    }

    // A JSON number; `integral` tells whether it is an integer value within 0..2^53.
    bool number(double& value) {
        ws();
        size_t start = i_;
        if (i_ < n_ && s_[i_] == '-') ++i_;
        if (i_ >= n_) return fail("expected a number");
        if (s_[i_] == '0') {
            ++i_;
        } else if (s_[i_] >= '1' && s_[i_] <= '9') {
            while (i_ < n_ && isDigit(s_[i_])) ++i_;
        } else {
            return fail("expected a value");
        }
        if (i_ < n_ && s_[i_] == '.') {
            ++i_;
            if (i_ >= n_ || !isDigit(s_[i_])) return fail("bad number");
            while (i_ < n_ && isDigit(s_[i_])) ++i_;
        }
        if (i_ < n_ && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < n_ && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (i_ >= n_ || !isDigit(s_[i_])) return fail("bad number");
            while (i_ < n_ && isDigit(s_[i_])) ++i_;
        }
        char buf[64];
        size_t len = i_ - start;
        if (len >= sizeof buf) {
            value = HUGE_VAL;  // far outside any range a request accepts
            return true;
        }
        for (size_t k = 0; k < len; ++k) buf[k] = s_[start + k];
        buf[len] = 0;
        value = std::strtod(buf, nullptr);
        return true;
    }

    bool literal(const char* word) {
        ws();
        size_t k = 0;
        for (; word[k]; ++k)
            if (i_ + k >= n_ || s_[i_ + k] != word[k]) return fail("expected a value");
        i_ += k;
        return true;
    }

    // Any JSON value, checked and discarded.
    bool skip(int depth) {
        if (depth > MAX_DEPTH) return fail("nesting too deep");
        ws();
        if (i_ >= n_) return fail("expected a value");
        char c = s_[i_];
        if (c == '"') return string(scratch_);
        if (c == '{') {
            ++i_;
            if (peek('}')) return expect('}', "");
            do {
                if (!string(scratch_) || !expect(':', "expected ':'") || !skip(depth + 1)) return false;
            } while (comma());
            return expect('}', "expected ',' or '}'");
        }
        if (c == '[') {
            ++i_;
            if (peek(']')) return expect(']', "");
            do {
                if (!skip(depth + 1)) return false;
            } while (comma());
            return expect(']', "expected ',' or ']'");
        }
        if (c == 't') return literal("true");
        if (c == 'f') return literal("false");
        if (c == 'n') return literal("null");
        double ignored;
        return number(ignored);
    }

    bool comma() {
        ws();
        if (i_ < n_ && s_[i_] == ',') {
            ++i_;
            return true;
        }
        return false;
    }

    char next() {
        ws();
        return i_ < n_ ? s_[i_] : 0;
    }

  private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool hex4(unsigned& v) {
        v = 0;
        for (int k = 0; k < 4; ++k) {
            if (i_ >= n_) return fail("bad \\u escape");
            char c = s_[i_++];
            int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
            if (d < 0) return fail("bad \\u escape");
            v = v * 16 + static_cast<unsigned>(d);
        }
        return true;
    }

    static void utf8(unsigned cp, std::string& out) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    const char* s_;
    size_t n_;
    size_t i_ = 0;
    std::string error_;
    std::string scratch_;
};

// "0x…" with 1 to 16 significant hex digits (leading zeros allowed), either case.
bool parseHex(const std::string& s, uint64_t& v) {
    if (s.size() < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) return false;
    v = 0;
    int significant = 0;
    for (size_t k = 2; k < s.size(); ++k) {
        char c = s[k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0) return false;
        if (significant > 0 || d != 0) ++significant;
        if (significant > 16) return false;
        v = (v << 4) | static_cast<uint64_t>(d);
    }
    return true;
}

bool numberStart(char c) { return c == '-' || (c >= '0' && c <= '9'); }

bool wholeNumber(double d, uint64_t& v) {
    if (!(d >= 0) || d > 9007199254740992.0 || std::floor(d) != d) return false;
    v = static_cast<uint64_t>(d);
    return true;
}

bool parseConfig(Reader& r, ControllerConfig& cfg, std::string& key, std::string& error) {
    if (r.next() != '{') {
        error = "\"config\" must be an object";
        return false;
    }
    r.expect('{', "");
    if (r.peek('}')) return r.expect('}', "");
    do {
        if (!r.string(key) || !r.expect(':', "expected ':'")) return false;
        uint64_t* field = key == "processes"    ? &cfg.processes
                          : key == "priorities" ? &cfg.priorities
                          : key == "capacity"   ? &cfg.capacity
                          : key == "devices"    ? &cfg.devices
                          : key == "ipcTypes"   ? &cfg.ipcTypes
                          : key == "waitDepth"  ? &cfg.waitDepth
                          : key == "pendingMax" ? &cfg.pendingMax
                                                : nullptr;
        if (field != nullptr) {
            double d;
            if (!numberStart(r.next()) || !r.number(d) || !wholeNumber(d, *field)) {
                if (r.error().empty()) error = "config field \"" + key + "\" is not a non-negative integer";
                return false;
            }
        } else if (key == "base") {
            std::string text;
            if (!r.string(text)) return false;
            if (!parseHex(text, cfg.base)) {
                error = "config field \"base\" is not a 64-bit hex string";
                return false;
            }
        } else if (!r.skip(2)) {
            return false;
        }
    } while (r.comma());
    return r.expect('}', "expected ',' or '}'");
}

}  // namespace

std::string ControllerConfig::describe() const {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "processes %llu, priorities %llu, capacity %llu, devices %llu, ipcTypes %llu, "
                  "waitDepth %llu, pendingMax %llu, base 0x%llx",
                  (unsigned long long)processes, (unsigned long long)priorities,
                  (unsigned long long)capacity, (unsigned long long)devices,
                  (unsigned long long)ipcTypes, (unsigned long long)waitDepth,
                  (unsigned long long)pendingMax, (unsigned long long)base);
    return buf;
}

bool parseRequest(const char* text, size_t length, Request& out, std::string& error) {
    out = Request{};
    error.clear();
    Reader r(text, length);
    static thread_local std::string key, value;
    bool ok = [&]() {
        if (r.next() != '{') return r.fail("expected an object");
        r.expect('{', "");
        if (r.peek('}')) return r.expect('}', "");
        do {
            if (!r.string(key) || !r.expect(':', "expected ':'")) return false;
            if (key == "op" || key == "addr" || key == "data") {
                if (r.next() != '"') {
                    if (!r.skip(1)) return false;
                    error = "field \"" + key + "\" must be a string";
                    continue;
                }
                if (!r.string(value)) return false;
                if (key == "op") {
                    out.opName = value;
                    out.op = value == "hello"   ? Op::Hello
                             : value == "reset" ? Op::Reset
                             : value == "read"  ? Op::Read
                             : value == "write" ? Op::Write
                             : value == "irq"   ? Op::Irq
                             : value == "bye"   ? Op::Bye
                                                : Op::Unknown;
                } else {
                    uint64_t v;
                    if (!parseHex(value, v)) {
                        if (error.empty()) error = "field \"" + key + "\" is not a 64-bit hex string";
                    } else if (key == "addr") {
                        out.addr = v;
                        out.hasAddr = true;
                    } else {
                        out.data = v;
                        out.hasData = true;
                    }
                }
            } else if (key == "line") {
                double d;
                if (!numberStart(r.next())) {
                    if (!r.skip(1)) return false;
                    if (error.empty()) error = "field \"line\" must be a number";
                    continue;
                }
                if (!r.number(d)) return false;
                if (!wholeNumber(d, out.line)) {
                    if (error.empty()) error = "field \"line\" is not a non-negative integer";
                } else {
                    out.hasLine = true;
                }
            } else if (key == "config") {
                std::string configError;
                if (!parseConfig(r, out.config, value, configError)) {
                    if (!r.error().empty()) return false;
                    if (error.empty()) error = configError;
                    return false;
                }
                out.hasConfig = true;
            } else if (!r.skip(1)) {
                return false;
            }
        } while (r.comma());
        if (!r.expect('}', "expected ',' or '}'")) return false;
        if (!r.atEnd()) return r.fail("text after the object");
        return true;
    }();
    if (!ok) {
        if (error.empty()) error = r.error();
        if (error.empty()) error = "malformed request";
        return false;
    }
    if (!error.empty()) return false;
    if (out.opName.empty()) {
        error = "request has no \"op\"";
        return false;
    }
    return true;
}

void appendJsonString(std::string& out, const std::string& s) {
    out.push_back('"');
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out.push_back(static_cast<char>(c));
            }
        }
    }
    out.push_back('"');
}
