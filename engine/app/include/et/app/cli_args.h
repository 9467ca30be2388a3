// Command-line parsing shared by the verbs: positionals, `--key value` options, `--flag`s.
// Unknown options are errors, so that a typo never silently does something else.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/core/error.h"

namespace et::app {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::set<std::string> flags;

  bool has(const std::string& name) const { return options.count(name) || flags.count(name); }
  std::string get(const std::string& name, const std::string& fallback = "") const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
  }
};

Result<Args> parse_args(const std::vector<std::string>& argv,
                        const std::set<std::string>& with_value,
                        const std::set<std::string>& flags);

// "a,b,c" -> {"a", "b", "c"}; empty items are kept (callers reject them with context).
std::vector<std::string> split_list(const std::string& text);

// "WxH" with 1 <= W, H <= 16384; `what` names the option in the error.
Result<glm::ivec2> parse_size(const std::string& text, const std::string& what);
// Comma-separated numbers, exactly `count` of them, all finite.
Result<std::vector<double>> parse_numbers(const std::string& text, size_t count,
                                          const std::string& what);
Result<int> parse_int(const std::string& text, int lo, int hi, const std::string& what);
Result<double> parse_double(const std::string& text, double lo, double hi, const std::string& what);

}  // namespace et::app
