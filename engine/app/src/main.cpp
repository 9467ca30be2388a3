// estatetwin: dispatches to a verb. Any Vulkan validation message during the run turns
// the exit code into 3, so tests fail on them without parsing stderr.
#include <cstdio>
#include <cstring>

#include "et/render/renderer.h"
#include "verbs.h"

namespace {

const char* kHelp =
    "EstateTwin: a digital twin of residential estates and the utility networks under them.\n"
    "usage: estatetwin [VERB] [ARGS...]\n"
    "  view [SCENE]        open SCENE in a window (the default verb; default scenes/muyanghu)\n"
    "  render SCENE ...    render a view to a PNG, headless\n"
    "  validate SCENE      load everything and report counts and problems\n"
    "  pick SCENE ...      what is under a pixel of a view, as JSON\n"
    "  measure SCENE ...   a distance, a link's depth or a clearance between two elements\n"
    "  outage SCENE ...    water supply lost when valves close or links are cut\n"
    "  bench render ...    frame times, with a clear-only frame as the peer\n"
    "  simulate NET.inp    EPANET-compatible hydraulics to CSV (--nodes, --links)\n"
    "  supply SCENE        secondary water supply: top-floor pressure per block over 24 h\n"
    "  generate --out DIR  write the Muyanghu estate (or --estates N of them)\n"
    "  live SCENE ...      run a sensor feed (replay file or MQTT) through the alarm rules\n"
    "  record SCENE ...    a tour to an MP4 video (or PNG frames), headless, fixed frame rate\n"
    "  compare SCENE ...   relocation plans side by side: metrics, violations, HTML report\n"
    "Each verb takes --help.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace et::app;
  Argv args(argv + 1, argv + argc);
  std::string verb = "view";
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (!args.empty() && args[0].rfind("--", 0) != 0 && args[0].find('/') == std::string::npos &&
      args[0].find('.') == std::string::npos) {
    verb = args[0];
    args.erase(args.begin());
  }
  int rc;
  if (verb == "view") rc = verb_view(args);
  else if (verb == "render") rc = verb_render(args);
  else if (verb == "validate") rc = verb_validate(args);
  else if (verb == "bench") rc = verb_bench(args);
  else if (verb == "generate") rc = verb_generate(args);
  else if (verb == "pick") rc = verb_pick(args);
  else if (verb == "outage") rc = verb_outage(args);
  else if (verb == "simulate") rc = verb_simulate(args);
  else if (verb == "supply") rc = verb_supply(args);
  else if (verb == "live") rc = verb_live(args);
  else if (verb == "record") rc = verb_record(args);
  else if (verb == "compare") rc = verb_compare(args);
  else if (verb == "measure") rc = verb_measure(args);
  else return fail("unknown verb '" + verb + "' (see estatetwin --help)", 2);
  if (int n = et::render::validation_message_count(); n > 0) {
    std::fprintf(stderr, "estatetwin: %d Vulkan validation message%s (see above)\n", n,
                 n == 1 ? "" : "s");
    if (rc == 0) rc = 3;
  }
  return rc;
}
