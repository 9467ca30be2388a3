// The replay feed: a JSON-lines file of timestamped readings (README "Live data"), read a
// line at a time so a month-long log needs no more memory than a minute of it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "et/core/error.h"
#include "et/live/readings.h"

namespace et::live {

struct ReplayStats {
  std::uint64_t lines = 0;        // non-blank, non-comment lines
  std::uint64_t after_until = 0;  // readings past the time limit, not fed
  std::string first_malformed;    // "FILE:LINE: what" of the first line that did not parse
};

// Calls `on_reading` for each parsed reading with t <= until, and `on_reject` for each line
// that did not parse (with its reason). Blank lines and lines starting with '#' are skipped.
// Fails only when the file cannot be opened or read.
Result<ReplayStats> replay_file(const std::string& path, double until,
                                const std::function<void(const RawReading&)>& on_reading,
                                const std::function<void(Reject)>& on_reject);

}  // namespace et::live
