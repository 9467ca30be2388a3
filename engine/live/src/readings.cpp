// Parsing readings, and the JSON helpers the live files share.
#include "et/live/readings.h"

#include <cmath>
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
