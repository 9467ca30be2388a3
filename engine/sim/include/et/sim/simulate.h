// A whole extended-period run, and its results as CSV text in the network's own units:
//   nodes: time_s,node,pressure,head,demand
//   links: time_s,link,flow,velocity,status   (status: 0 closed, 1 open, 2 active valve)
// one row per node or link at every report time (REPORT START + k * REPORT TIMESTEP).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "et/sim/hydraulics.h"
#include "et/sim/network.h"

namespace et::sim {

struct RunSummary {
  int solutions = 0;        // hydraulic solutions (time steps)
  int reports = 0;          // report times written
  long trials = 0;          // GGA trials over all solutions
  bool halted = false;      // stopped early (unbalanced with UNBALANCED STOP, or unsolvable)
  std::vector<std::string> warnings;
};

// Runs from time 0 to the duration; calls `on_report` at each report time.
RunSummary run_simulation(const SimNetwork& net,
                          const std::function<void(const Hydraulics&)>& on_report);

// Appends this report time's rows (no header) to `nodes` and `links`.
void append_csv_rows(const SimNetwork& net, const Hydraulics& h, std::string& nodes,
                     std::string& links);

constexpr const char* kNodesCsvHeader = "time_s,node,pressure,head,demand\n";
constexpr const char* kLinksCsvHeader = "time_s,link,flow,velocity,status\n";

}  // namespace et::sim
