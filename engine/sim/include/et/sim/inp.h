// Reading an EPANET .inp file into a SimNetwork, in the solver's internal units.
// Errors are one line naming the file, the line, the section and what was expected:
//   "net.inp: line 57 [PIPES]: pipe P12: expected a positive diameter, got '-3'"
#pragma once

#include <string>

#include "et/core/error.h"
#include "et/sim/network.h"

namespace et::sim {

Result<SimNetwork> read_inp(const std::string& path);
// `path` only names the file in messages.
Result<SimNetwork> parse_inp(const std::string& text, const std::string& path);
// EPANET's time values, in hours: "H", "H:MM[:SS]", with units (SEC, MIN, HOURS, DAYS) or
// AM/PM; negative when `value` is not a time.
double parse_inp_hours(const std::string& value, const std::string& units);

}  // namespace et::sim
