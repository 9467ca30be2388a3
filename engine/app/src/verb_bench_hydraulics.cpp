// estatetwin bench hydraulics: the whole extended period of an .inp network, solved
// without writing results; prints the read and solve times.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "et/sim/inp.h"
#include "et/sim/simulate.h"
#include "verbs.h"

namespace et::app {

static const char* kBenchHydraulicsHelp =
    "usage: estatetwin bench hydraulics NET.inp [--runs N]\n"
    "Reads the network, then runs its whole extended period N times (default 5) without\n"
    "writing results; prints the median and minimum solve time, solutions and GGA trials.\n";

int verb_bench_hydraulics(const Argv& argv) {
  auto args = parse_args(argv, {"runs"}, {"help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::fputs(kBenchHydraulicsHelp, stdout), 0;
  if (args->positional.size() != 1) return fail("bench hydraulics: expected one NET.inp", 2);
  auto runs = parse_int(args->get("runs", "5"), 1, 1000, "--runs");
  if (!runs) return fail(runs.error(), 2);
  const std::string& path = args->positional[0];
  using clock = std::chrono::steady_clock;
  auto t0 = clock::now();
  auto net = sim::read_inp(path);
  if (!net) return fail(net.error());
  double read_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
  std::vector<double> ms;
  sim::RunSummary last;
  for (int i = 0; i < *runs; ++i) {
    auto t1 = clock::now();
    last = sim::run_simulation(*net, nullptr);
    ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t1).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("bench hydraulics: %s: %zu nodes, %zu links, duration %ld s\n", path.c_str(),
              net->nodes.size(), net->links.size(), net->times.duration);
  std::printf("read_ms %.3f\n", read_ms);
  std::printf("solutions %d trials %ld warnings %zu\n", last.solutions, last.trials,
              last.warnings.size());
  std::printf("solve_ms median %.3f min %.3f (%d runs)\n", ms[ms.size() / 2], ms.front(), *runs);
  return 0;
}

}  // namespace et::app
