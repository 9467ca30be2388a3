// estatetwin pick: what lies under one pixel of a view (kind, id, attributes), as JSON.
// The same ray cast as the window's hover and click.
#include <cmath>
#include <cstdio>

#include "et/app/plan_view.h"
#include "verbs.h"

namespace et::app {

static const char* kPickHelp =
    "usage: estatetwin pick SCENE (--view BOOKMARK | --camera ...) [view options]\n"
    "                       --size WxH --pixel X,Y\n"
    "Prints what is under pixel X,Y (from the top-left) of that view as JSON: kind\n"
    "(building, link, node, ground, excavation or none), id, attributes, the hit point\n"
    "in scene metres and its distance from the eye. With --plan the networks are the plan's\n"
    "(on --date); with --plan-b the right half of the view picks in that plan.\n";

int verb_pick(const Argv& argv) {
  auto args = parse_args(argv, view_value_options({"size", "pixel"}), view_flag_options({}));
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::printf("%s%s", kPickHelp, kViewOptionsHelp), 0;
  if (args->positional.size() != 1) return fail("pick: expected one SCENE (see --help)", 2);
  if (!args->has("size") || !args->has("pixel"))
    return fail("pick: --size WxH and --pixel X,Y are required (see --help)", 2);
  auto size = parse_size(args->get("size"), "--size");
  if (!size) return fail(size.error(), 2);
  auto px = parse_numbers(args->get("pixel"), 2, "--pixel X,Y");
  if (!px) return fail(px.error(), 2);
  if ((*px)[0] < 0 || (*px)[1] < 0 || (*px)[0] >= size->x || (*px)[1] >= size->y)
    return fail("--pixel: " + args->get("pixel") + " lies outside the " + args->get("size") +
                " view", 2);

  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());
  auto view = view_from_args(*scene, *args);
  if (!view) return fail(view.error());
  auto plans = load_plans_for(*scene, *view);
  if (!plans) return fail(plans.error());
  PlanView pv(*scene, std::move(*plans));
  if (auto checked = pv.update(*view); !checked) return fail(checked.error());
  PickHit hit;
  int element = pv.pick(*view, size->x, size->y, (*px)[0], (*px)[1], &hit);
  nlohmann::json j = pv.describe(element);
  j["pixel"] = {(*px)[0], (*px)[1]};
  // In a split view the half answers even when nothing is hit there.
  if (pv.split() && !j.contains("side")) j["side"] = (*px)[0] < size->x / 2.0 ? "left" : "right";
  if (element >= 0) {
    j["point"] = {std::round(hit.point.x * 1000) / 1000, std::round(hit.point.y * 1000) / 1000,
                  std::round(hit.point.z * 1000) / 1000};
    j["distance_m"] = std::round(hit.distance_m * 1000) / 1000;
  }
  std::printf("%s\n", j.dump(2).c_str());
  return 0;
}

}  // namespace et::app
