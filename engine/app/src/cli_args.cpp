#include "et/app/cli_args.h"

#include <cmath>
#include <cstdlib>

namespace et::app {

Result<Args> parse_args(const std::vector<std::string>& argv,
                        const std::set<std::string>& with_value,
                        const std::set<std::string>& flags) {
  Args a;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& s = argv[i];
    if (s.size() > 2 && s.rfind("--", 0) == 0) {
      std::string name = s.substr(2), value;
      bool inline_value = false;
      if (size_t eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        inline_value = true;
      }
      if (with_value.count(name)) {
        if (!inline_value) {
          if (i + 1 >= argv.size()) return Error{"option --" + name + " expects a value"};
          value = argv[++i];
        }
        a.options[name] = value;
      } else if (flags.count(name) && !inline_value) {
        a.flags.insert(name);
      } else {
        return Error{"unknown option --" + name + " (see --help)"};
      }
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

Result<double> parse_double(const std::string& text, double lo, double hi, const std::string& what) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(v))
    return Error{what + ": expected a number, got '" + text + "'"};
  if (v < lo || v > hi)
    return Error{what + ": expected a value in [" + std::to_string(lo) + ", " +
                 std::to_string(hi) + "], got '" + text + "'"};
  return v;
}

Result<int> parse_int(const std::string& text, int lo, int hi, const std::string& what) {
  char* end = nullptr;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') return Error{what + ": expected an integer, got '" + text + "'"};
  if (v < lo || v > hi)
    return Error{what + ": expected an integer in [" + std::to_string(lo) + ", " +
                 std::to_string(hi) + "], got '" + text + "'"};
  return int(v);
}

Result<glm::ivec2> parse_size(const std::string& text, const std::string& what) {
  size_t x = text.find('x');
  if (x == std::string::npos) return Error{what + ": expected WxH (e.g. 640x360), got '" + text + "'"};
  auto w = parse_int(text.substr(0, x), 1, 16384, what + " width");
  if (!w) return w.error();
  auto h = parse_int(text.substr(x + 1), 1, 16384, what + " height");
  if (!h) return h.error();
  return glm::ivec2(*w, *h);
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    out.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

Result<std::vector<double>> parse_numbers(const std::string& text, size_t count,
                                          const std::string& what) {
  std::vector<double> out;
  for (const std::string& part : split_list(text)) {
    auto v = parse_double(part, -1e7, 1e7, what);
    if (!v) return v.error();
    out.push_back(*v);
  }
  if (out.size() != count)
    return Error{what + ": expected " + std::to_string(count) + " comma-separated numbers, got " +
                 std::to_string(out.size())};
  return out;
}

}  // namespace et::app
