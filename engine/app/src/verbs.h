// The executable's verbs. Each takes the arguments after its name and returns the exit
// code: 0 success, 1 bad input or failure (one line on stderr), 2 usage error.
#pragma once

#include <string>
#include <vector>

#include "et/app/cli_args.h"
#include "et/core/error.h"
#include "et/scene/scene.h"

namespace et::app {

using Argv = std::vector<std::string>;

int verb_view(const Argv& args);
int verb_render(const Argv& args);
int verb_validate(const Argv& args);
int verb_bench(const Argv& args);
int verb_generate(const Argv& args);
int verb_pick(const Argv& args);
int verb_outage(const Argv& args);
int verb_simulate(const Argv& args);
int verb_supply(const Argv& args);
int verb_bench_hydraulics(const Argv& args);
int verb_live(const Argv& args);
int verb_bench_live(const Argv& args);
int verb_record(const Argv& args);
int verb_compare(const Argv& args);
int verb_measure(const Argv& args);

// Options every verb that shows a view accepts (view_from_args reads them).
std::set<std::string> view_value_options(std::set<std::string> more);
std::set<std::string> view_flag_options(std::set<std::string> more);
// Help text for those options.
extern const char* kViewOptionsHelp;

// Prints "estatetwin: MESSAGE" on stderr; returns `code`.
int fail(const Error& e, int code = 1);
int fail(const std::string& message, int code = 1);

// The ViewState asked for by --view NAME | --camera EX,EY,EZ,TX,TY,TZ, then --ground-opacity,
// --fov, --layers, --xray, --palette and --excavation on top. Without --view or --camera,
// the scene's first bookmark.
Result<ViewState> view_from_args(const Scene& scene, const Args& args);

// The view of --tour NAME at --at SECONDS (default 0): what `record` draws at that moment.
Result<ViewState> tour_view_from_args(const Scene& scene, const Args& args);

// "HH:MM" or "HH:MM:SS" -> seconds since midnight (up to 47:59 for a second day).
Result<double> parse_clock(const std::string& text);

constexpr const char* kDefaultScene = "scenes/muyanghu";

}  // namespace et::app
