// estatetwin simulate: EPANET-compatible hydraulics of an .inp network over its extended
// period, written as CSV at every report time in the network's own units.
#include <cstdio>

#include "et/core/file_io.h"
#include "et/sim/inp.h"
#include "et/sim/simulate.h"
#include "verbs.h"

namespace et::app {

static const char* kSimulateHelp =
    "usage: estatetwin simulate NET.inp [--nodes NODES.csv] [--links LINKS.csv] [--quiet]\n"
    "Solves the network's hydraulics as EPANET 2.3 does (global gradient algorithm, pumps,\n"
    "valves, tanks, patterns, simple and rule-based controls) over its [TIMES] DURATION and\n"
    "writes, at every report time, in the network's own units:\n"
    "  --nodes  time_s,node,pressure,head,demand\n"
    "  --links  time_s,link,flow,velocity,status   (status 0 closed, 1 open, 2 active valve)\n"
    "Warnings (unbalanced, negative pressures, disconnected nodes, pumps and valves that\n"
    "cannot deliver) go to stderr with the time they arose; results are still written.\n"
    "  --quiet  no summary line on stdout\n";

int verb_simulate(const Argv& argv) {
  auto args = parse_args(argv, {"nodes", "links"}, {"help", "quiet"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::fputs(kSimulateHelp, stdout), 0;
  if (args->positional.size() != 1) return fail("simulate: expected one NET.inp (see --help)", 2);
  if (!args->has("nodes") && !args->has("links"))
    return fail("simulate: expected --nodes FILE and/or --links FILE", 2);
  const std::string& path = args->positional[0];
  auto net = sim::read_inp(path);
  if (!net) return fail(net.error());
  for (const std::string& n : net->notes) std::fprintf(stderr, "estatetwin: %s: note: %s\n", path.c_str(), n.c_str());

  std::string nodes = sim::kNodesCsvHeader, links = sim::kLinksCsvHeader;
  sim::RunSummary run = sim::run_simulation(*net, [&](const sim::Hydraulics& h) {
    sim::append_csv_rows(*net, h, nodes, links);
  });
  for (const std::string& w : run.warnings) std::fprintf(stderr, "estatetwin: %s: %s\n", path.c_str(), w.c_str());
  if (args->has("nodes")) {
    auto st = write_text_atomic(args->get("nodes"), nodes);
    if (!st) return fail(st.error());
  }
  if (args->has("links")) {
    auto st = write_text_atomic(args->get("links"), links);
    if (!st) return fail(st.error());
  }
  if (!args->has("quiet"))
    std::printf("simulate: %s: %zu nodes, %zu links, %d report times, %d solutions, %ld trials%s\n",
                path.c_str(), net->nodes.size(), net->links.size(), run.reports, run.solutions,
                run.trials, run.halted ? " (halted early)" : "");
  if (run.halted && !run.warnings.empty() &&
      run.warnings.back().find("Ill-conditioned") != std::string::npos)
    return fail(path + ": cannot solve the network's hydraulic equations (results up to then written)");
  return 0;
}

}  // namespace et::app
