// Small helpers for the live files' JSON: every error names the file and the JSON pointer.
#pragma once

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "et/core/error.h"

namespace et::live::detail {

using json = nlohmann::json;

struct JsonFailure {
  Error error;
};

[[noreturn]] inline void fail_at(const std::string& file, const std::string& ptr,
                                 const std::string& what) {
  throw JsonFailure{make_error(file, ptr.empty() ? "/" : ptr, what)};
}

inline const json& member(const json& obj, const char* key, const std::string& file,
                          const std::string& ptr) {
  if (!obj.is_object()) fail_at(file, ptr, "expected an object");
  auto it = obj.find(key);
  if (it == obj.end()) fail_at(file, ptr + "/" + key, "missing required field");
  return *it;
}

inline std::string str_at(const json& obj, const char* key, const std::string& file,
                          const std::string& ptr) {
  const json& v = member(obj, key, file, ptr);
  if (!v.is_string() || v.get<std::string>().empty())
    fail_at(file, ptr + "/" + key, "expected a non-empty string");
  return v.get<std::string>();
}

inline double num_at(const json& obj, const char* key, const std::string& file,
                     const std::string& ptr) {
  const json& v = member(obj, key, file, ptr);
  if (!v.is_number() || !std::isfinite(v.get<double>()))
    fail_at(file, ptr + "/" + key, "expected a finite number");
  return v.get<double>();
}

// Parses `text` as JSON; a syntax error names the file, line and column.
Result<json> parse_json_text(const std::string& text, const std::string& file);

// "HH:MM" or "HH:MM:SS" (hours may pass 24 for later days) -> seconds; false when malformed.
bool parse_clock_text(const std::string& text, double& seconds);

}  // namespace et::live::detail
