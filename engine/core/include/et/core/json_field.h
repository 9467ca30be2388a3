// JSON reading with errors that name the place: every value is read through a Field, which
// knows its JSON pointer, so a bad value fails with "FILE: /pointer: what was expected".
// Parsers throw JsonFailure inside and catch it at their boundary (one try per file), so
// the reading code stays flat; no exception crosses a library's public interface.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "et/core/error.h"
#include "et/core/file_io.h"

namespace et::json_io {

using json = nlohmann::json;

// Coordinates beyond this many metres from the origin are treated as a unit or CRS mistake.
constexpr double kMaxCoordinate = 1.0e6;

struct JsonFailure {
  Error error;
};

class Field {
 public:
  Field(const json& j, std::string pointer, const std::string& file)
      : j_(j), ptr_(std::move(pointer)), file_(file) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw JsonFailure{make_error(file_, ptr_.empty() ? "/" : ptr_, what)};
  }
  const json& raw() const { return j_; }
  const std::string& pointer() const { return ptr_; }

  bool has(const char* key) const { return j_.is_object() && j_.contains(key); }
  Field operator[](const char* key) const {
    if (!j_.is_object()) fail("expected an object");
    auto it = j_.find(key);
    if (it == j_.end()) Field(j_, ptr_ + "/" + key, file_).fail("missing required field");
    return Field(*it, ptr_ + "/" + key, file_);
  }
  Field at(size_t i) const { return Field(j_[i], ptr_ + "/" + std::to_string(i), file_); }
  size_t array_size() const {
    if (!j_.is_array()) fail("expected an array");
    return j_.size();
  }

  std::string str() const {
    if (!j_.is_string()) fail("expected a string");
    return j_.get<std::string>();
  }
  double num() const {
    if (!j_.is_number()) fail("expected a number");
    double v = j_.get<double>();
    if (!std::isfinite(v)) fail("expected a finite number");
    return v;
  }
  double num_in(double lo, double hi) const {
    double v = num();
    if (v < lo || v > hi)
      fail("expected a number in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(v));
    return v;
  }
  int integer_in(int lo, int hi) const {
    double v = num_in(lo, hi);
    if (v != std::floor(v)) fail("expected an integer");
    return static_cast<int>(v);
  }
  glm::dvec3 vec3() const {
    if (!j_.is_array() || j_.size() != 3) fail("expected an array of 3 numbers");
    glm::dvec3 v(at(0).num(), at(1).num(), at(2).num());
    for (int i = 0; i < 3; ++i)
      if (std::abs(v[i]) > kMaxCoordinate) at(i).fail("coordinate out of range (absurd value)");
    return v;
  }
  glm::dvec2 vec2() const {
    if (!j_.is_array() || j_.size() != 2) fail("expected an array of 2 numbers");
    return {at(0).num(), at(1).num()};
  }

 private:
  static std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }
  const json& j_;
  std::string ptr_;
  const std::string& file_;
};

// Parses `text` (the contents of `path`) as JSON; a syntax error names the line and column:
// "FILE: line 3, column 7: malformed JSON: syntax error while parsing object ...".
inline Result<json> parse_json(const std::string& text, const std::string& path) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at ...: WHAT".
    std::string what = e.what();
    size_t colon = what.find(": ", what.find("parse error"));
    return make_error(path, line_col(text, e.byte > 0 ? e.byte - 1 : 0),
                      "malformed JSON" + (colon == std::string::npos ? std::string()
                                                                     : what.substr(colon)));
  } catch (const json::exception& e) {  // e.g. "number overflow parsing '1e999'"
    std::string what = e.what();        // "[json.exception.out_of_range.406] number ..."
    size_t tag = what.find("] ");
    return make_error(path, "",
                      "malformed JSON: " + (tag == std::string::npos ? what : what.substr(tag + 2)));
  }
}

// Reads a file and parses it (parse_json).
inline Result<json> read_json_file(const std::string& path) {
  Result<std::string> text = read_text_file(path);
  if (!text) return text.error();
  return parse_json(*text, path);
}

}  // namespace et::json_io
