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

// Prints "estatetwin: MESSAGE" on stderr; returns `code`.
int fail(const Error& e, int code = 1);
int fail(const std::string& message, int code = 1);

// The ViewState asked for by --view NAME | --camera EX,EY,EZ,TX,TY,TZ, then
// --ground-opacity A and --fov DEG on top. Without either, the scene's first bookmark.
Result<ViewState> view_from_args(const Scene& scene, const Args& args);

constexpr const char* kDefaultScene = "scenes/muyanghu";

}  // namespace et::app
