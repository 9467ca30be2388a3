// estatetwin measure: the window's Measure tool headless (README "Command line"). The same
// maths (et/plan/measure.h) and the same JSON (et/app/measure.h) as a click in the window.
#include <cstdio>

#include "et/app/measure.h"
#include "et/app/plan_view.h"
#include "verbs.h"

namespace et::app {

static const char* kMeasureHelp =
    "usage: estatetwin measure SCENE [--plan ID [--date YYYY-MM-DD]]\n"
    "         (--from X,Y,Z --to X,Y,Z | --depth LINK_ID [--at X,Y] | --between ID ID)\n"
    "Prints one measurement as JSON (scene metres; the ground is z = 0):\n"
    "  --from/--to   straight-line distance, and its horizontal and vertical parts\n"
    "  --depth LINK  depth of the centreline and of the top of the section below the ground\n"
    "                at --at (default: the link's middle), and the link's min/max cover\n"
    "  --between A B smallest edge-to-edge distance between two links, nodes or buildings,\n"
    "                in 3D and in plan, where it occurs, and the clearance rule for the pair\n"
    "                (vertical where two links cross, else horizontal) with pass or fail\n"
    "With --plan the links are as that plan leaves them (on --date). Errors exit 2.\n";

int verb_measure(const Argv& argv) {
  auto args = parse_args(argv, {"plan", "date", "from", "to", "depth", "at", "between"}, {"help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::printf("%s", kMeasureHelp), 0;
  const int modes = int(args->has("from") || args->has("to")) + int(args->has("depth")) +
                    int(args->has("between"));
  if (modes != 1)
    return fail("measure: expected one of --from/--to, --depth or --between (see --help)", 2);
  // --between A B: B arrives as a second positional (A,B works too).
  std::vector<std::string> ids;
  if (args->has("between")) {
    ids = split_list(args->get("between"));
    if (ids.size() == 1 && args->positional.size() == 2) {
      ids.push_back(args->positional.back());
      args->positional.pop_back();
    }
    if (ids.size() != 2 || ids[0].empty() || ids[1].empty())
      return fail("--between: expected two element ids, --between ID ID", 2);
  }
  if (args->positional.size() != 1) return fail("measure: expected one SCENE (see --help)", 2);
  if (args->has("at") && !args->has("depth")) return fail("--at needs --depth", 2);

  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());
  Args view_args;  // only the plan and date: view_from_args checks them as `render` does
  for (const char* o : {"plan", "date"})
    if (args->has(o)) view_args.options[o] = args->get(o);
  auto view = view_from_args(*scene, view_args);
  if (!view) return fail(view.error(), 2);
  auto plans = load_plans_for(*scene, *view);
  if (!plans) return fail(plans.error());
  PlanView pv(*scene, std::move(*plans));
  if (auto ok = pv.update(*view); !ok) return fail(ok.error(), 2);
  const std::vector<Network>& networks = pv.left().networks;

  nlohmann::json out;
  if (args->has("from") || args->has("to")) {
    if (!args->has("from") || !args->has("to")) return fail("measure: --from and --to go together", 2);
    auto a = parse_numbers(args->get("from"), 3, "--from X,Y,Z");
    if (!a) return fail(a.error(), 2);
    auto b = parse_numbers(args->get("to"), 3, "--to X,Y,Z");
    if (!b) return fail(b.error(), 2);
    out = distance_json(plan::measure_distance({(*a)[0], (*a)[1], (*a)[2]},
                                               {(*b)[0], (*b)[1], (*b)[2]}));
  } else if (args->has("depth")) {
    auto shape = shape_by_id(*scene, networks, args->get("depth"));
    if (!shape) return fail("--depth: " + shape.error().message, 2);
    if (shape->kind != plan::MeasureShape::Kind::kLink)
      return fail("--depth: '" + shape->id + "' is not a link", 2);
    glm::dvec2 at = plan::link_midpoint(*shape->link);
    if (args->has("at")) {
      auto xy = parse_numbers(args->get("at"), 2, "--at X,Y");
      if (!xy) return fail(xy.error(), 2);
      at = {(*xy)[0], (*xy)[1]};
    }
    const plan::LinkDepth d = plan::measure_depth(*shape->link, at);
    // A point far off the link is a typo or the wrong link, not a place on it.
    constexpr double kMaxOffLink = 5.0;  // m, in plan
    const double off = glm::length(glm::dvec2(d.at) - at);
    if (off > kMaxOffLink) {
      char msg[256];
      std::snprintf(msg, sizeof msg, "--at %s: %.1f m from link %s (nearest point %.2f,%.2f); expected a point within %.0f m of it",
                    args->get("at").c_str(), off, shape->id.c_str(), d.at.x, d.at.y, kMaxOffLink);
      return fail(msg, 2);
    }
    out = depth_json(*shape, d);
  } else {
    auto a = shape_by_id(*scene, networks, ids[0]);
    if (!a) return fail("--between: " + a.error().message, 2);
    auto b = shape_by_id(*scene, networks, ids[1]);
    if (!b) return fail("--between: " + b.error().message, 2);
    if (a->id == b->id) return fail("--between: expected two different elements, got '" + a->id + "' twice", 2);
    auto rules = plan::load_scene_rules(*scene);
    if (!rules) return fail(rules.error());
    out = clearance_json(*a, *b, plan::measure_clearance(*a, *b, &*rules));
  }
  std::printf("%s\n", out.dump(2).c_str());
  return 0;
}

}  // namespace et::app
