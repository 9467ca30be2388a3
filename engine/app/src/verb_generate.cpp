// estatetwin generate: writes the deterministic Muyanghu estate (or a district of N
// estates) as a scene folder. The build runs it for scenes/muyanghu; nothing generated
// is committed.
#include <cstdio>

#include "et/gen/estate.h"
#include "et/gen/live_story.h"
#include "verbs.h"

namespace et::app {

static const char* kGenerateHelp =
    "usage: estatetwin generate --out DIR [--estates N] [--seed S]\n"
    "Writes the Muyanghu pilot estate as a scene folder (scene.json, models, ground).\n"
    "  --estates N  lay out N estates as a district, for scale benchmarks (214: the programme)\n"
    "  --seed S     variation seed (default 1); the same options give identical files\n";

int verb_generate(const Argv& argv) {
  auto args = parse_args(argv, {"out", "estates", "seed"}, {"help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::fputs(kGenerateHelp, stdout), 0;
  if (!args->has("out") || !args->positional.empty())
    return fail("generate: expected --out DIR (see --help)", 2);
  gen::EstateOptions o;
  auto estates = parse_int(args->get("estates", "1"), 1, 1000, "--estates");
  if (!estates) return fail(estates.error(), 2);
  auto seed = parse_int(args->get("seed", "1"), 0, 1 << 30, "--seed");
  if (!seed) return fail(seed.error(), 2);
  o.estates = *estates;
  o.seed = std::uint32_t(*seed);
  Status s = gen::generate_estate(o, args->get("out"));
  if (!s) return fail(s.error());
  if (Status l = gen::generate_live_story(args->get("out")); !l) return fail(l.error());
  std::printf("wrote %s (%d estate%s)\n", args->get("out").c_str(), o.estates,
              o.estates == 1 ? "" : "s");
  return 0;
}

}  // namespace et::app
