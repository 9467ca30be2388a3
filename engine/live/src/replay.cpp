// Line-by-line replay of a JSON-lines readings file.
#include "et/live/replay.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace et::live {

Result<ReplayStats> replay_file(const std::string& path, double until,
                                const std::function<void(const RawReading&)>& on_reading,
                                const std::function<void(Reject)>& on_reject) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path, "", std::string("cannot open: ") + std::strerror(errno));
  ReplayStats stats;
  std::string line;
  RawReading r;
  std::uint64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    ++stats.lines;
    const Reject why = parse_reading_line(line, r);
    if (why != Reject::kCount) {
      if (stats.first_malformed.empty()) {
        stats.first_malformed = path + ":" + std::to_string(number) + ": ";
        stats.first_malformed += reject_name(why);
      }
      on_reject(why);
      continue;
    }
    if (r.t > until) {
      ++stats.after_until;
      continue;
    }
    on_reading(r);
  }
  if (in.bad()) return make_error(path, "line " + std::to_string(number), "read error");
  return stats;
}

}  // namespace et::live
