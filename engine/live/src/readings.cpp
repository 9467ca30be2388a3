// Parsing readings, and the JSON helpers the live files share.
#include "et/live/readings.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <iterator>

#include "et/core/file_io.h"
#include "json_util.h"

namespace et::live {
namespace detail {

Result<json> parse_json_text(const std::string& text, const std::string& file) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    return make_error(file, line_col(text, e.byte > 0 ? e.byte - 1 : 0), "invalid JSON");
  }
}

bool parse_clock_text(const std::string& text, double& seconds) {
  int hh = 0, mm = 0, ss = 0, used = 0;
  const int n = std::sscanf(text.c_str(), "%d:%d%n:%d%n", &hh, &mm, &used, &ss, &used);
  if (n < 2 || size_t(used) != text.size() || hh < 0 || hh > 8784 || mm < 0 || mm > 59 ||
      ss < 0 || ss > 59)
    return false;
  seconds = hh * 3600.0 + mm * 60.0 + ss;
  return true;
}

}  // namespace detail

namespace {

constexpr const char* kRejectNames[] = {"malformed",   "unknown_sensor", "bad_time",
                                        "not_a_number", "out_of_range",  "out_of_order",
                                        "duplicate",   "stale",          "queue_full"};
static_assert(std::size(kRejectNames) == size_t(Reject::kCount));

using detail::json;

// Reads "t" and "value" of a parsed object into `out`.
Reject read_t_value(const json& j, bool t_required, RawReading& out) {
  auto t = j.find("t");
  if (t == j.end()) {
    if (t_required) return Reject::kMalformed;
  } else if (t->is_number()) {
    out.t = t->get<double>();
    if (!std::isfinite(out.t) || out.t < 0.0 || out.t > kMaxTime) return Reject::kBadTime;
  } else if (t->is_string()) {
    if (!detail::parse_clock_text(t->get<std::string>(), out.t) || out.t > kMaxTime)
      return Reject::kBadTime;
  } else {
    return Reject::kBadTime;
  }
  auto v = j.find("value");
  if (v == j.end()) return Reject::kMalformed;
  if (!v->is_number()) return Reject::kNotANumber;
  out.value = v->get<double>();
  if (!std::isfinite(out.value)) return Reject::kNotANumber;
  return Reject::kCount;
}

// Fast path for the common flat line {"t": N|"HH:MM:SS", "sensor": "ID", "value": N}:
// a DOM parse per line is most of a replay's cost. Anything else (escapes, nesting, other
// members, odd numbers) returns false and goes through the full parser, so the results
// are the same either way.
struct Flat {
  std::string_view sensor, t_text, value_text;
  bool t_string = false, have_sensor = false, have_t = false, have_value = false;
};

bool scan_flat(std::string_view s, Flat& f) {
  size_t i = 0;
  auto ws = [&] { while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i; };
  auto str = [&](std::string_view& out) {
    if (i >= s.size() || s[i] != '"') return false;
    const size_t start = ++i;
    while (i < s.size() && s[i] != '"') {
      // Escapes, control characters and non-ASCII (UTF-8 to validate): the full parser.
      if (s[i] == '\\' || static_cast<unsigned char>(s[i]) < 0x20 || static_cast<unsigned char>(s[i]) >= 0x80)
        return false;
      ++i;
    }
    if (i >= s.size()) return false;
    out = s.substr(start, i++ - start);
    return true;
  };
  auto number = [&](std::string_view& out) {
    const size_t start = i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '+' ||
                            s[i] == '.' || s[i] == 'e' || s[i] == 'E'))
      ++i;
    out = s.substr(start, i - start);
    return !out.empty() && (std::isdigit(static_cast<unsigned char>(out[0])) || out[0] == '-');
  };
  ws();
  if (i >= s.size() || s[i++] != '{') return false;
  for (int member = 0;; ++member) {
    ws();
    std::string_view key;
    if (!str(key)) return false;
    ws();
    if (i >= s.size() || s[i++] != ':') return false;
    ws();
    if (key == "sensor" && !f.have_sensor) {
      if (!str(f.sensor)) return false;
      f.have_sensor = true;
    } else if (key == "t" && !f.have_t) {
      f.t_string = i < s.size() && s[i] == '"';
      if (!(f.t_string ? str(f.t_text) : number(f.t_text))) return false;
      f.have_t = true;
    } else if (key == "value" && !f.have_value) {
      if (!number(f.value_text)) return false;
      f.have_value = true;
    } else {
      return false;
    }
    ws();
    if (i < s.size() && s[i] == ',') { ++i; continue; }
    if (i >= s.size() || s[i++] != '}') return false;
    ws();
    return i == s.size() && f.have_sensor && f.have_t && f.have_value;
  }
}

// strtod on a token the JSON grammar allows (no leading '+', no leading zeros, digits
// around the point); false sends the line to the full parser.
bool json_number(std::string_view tok, double& out) {
  const std::string text(tok);
  size_t i = text[0] == '-' ? 1 : 0;
  if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  if (text[i] == '0' && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) return false;
  const size_t dot = text.find('.');
  if (dot != std::string::npos && (dot + 1 >= text.size() || !std::isdigit(static_cast<unsigned char>(text[dot + 1]))))
    return false;
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  // Overflow (1e999) is the full parser's to judge, so both paths give the same reason.
  return end == text.c_str() + text.size() && std::isfinite(out);
}

bool fast_line(std::string_view line, RawReading& out, Reject& why) {
  Flat f;
  double t = 0.0, v = 0.0;
  if (!scan_flat(line, f) || !json_number(f.value_text, v)) return false;
  if (f.t_string) {
    if (!detail::parse_clock_text(std::string(f.t_text), t) || t > kMaxTime) return why = Reject::kBadTime, true;
  } else if (!json_number(f.t_text, t)) {
    return false;
  } else if (t < 0.0 || t > kMaxTime) {
    return why = Reject::kBadTime, true;
  }
  out.sensor.assign(f.sensor);
  out.t = t;
  out.value = v;
  why = Reject::kCount;
  return true;
}

}  // namespace

const char* reject_name(Reject r) {
  return size_t(r) < std::size(kRejectNames) ? kRejectNames[size_t(r)] : "unknown";
}

std::uint64_t Counters::rejected_total() const {
  std::uint64_t n = 0;
  for (std::uint64_t r : rejected) n += r;
  return n;
}

Reject parse_reading_line(std::string_view line, RawReading& out) {
  if (Reject why; fast_line(line, out, why)) return why;
  // No exceptions on the hot path: parse with allow_exceptions = false.
  const json j = json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Reject::kMalformed;
  auto s = j.find("sensor");
  if (s == j.end() || !s->is_string()) return Reject::kMalformed;
  out.sensor = s->get<std::string>();
  return read_t_value(j, true, out);
}

Reject parse_reading_payload(std::string_view payload, const std::string& sensor, double now,
                             RawReading& out) {
  const json j = json::parse(payload.begin(), payload.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Reject::kMalformed;
  out.sensor = sensor;
  out.t = now;
  return read_t_value(j, false, out);
}

}  // namespace et::live
