// estatetwin outage: which buildings and households lose water when valves are closed or
// links cut, or which valves isolate a link; optionally rendered with the dry part in red.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "et/app/frame_setup.h"
#include "et/render/renderer.h"
#include "et/sim/outage.h"
#include "outage_view.h"
#include "verbs.h"

namespace et::app {

static const char* kOutageHelp =
    "usage: estatetwin outage SCENE (--close ID[,ID...] | --isolate LINK) [--json]\n"
    "                         [--view NAME --size WxH --out FILE.png]\n"
    "Water supply lost when valves are closed or links cut (a graph analysis from the\n"
    "sources: reservoirs, tanks, the municipal connection):\n"
    "  --close IDS     valve node ids to close and link ids to cut, comma-separated\n"
    "  --isolate LINK  find the smallest set of valves that isolates LINK, and close them\n"
    "  --json          print the result as JSON\n"
    "  --out FILE.png  also render the view with what lost supply in red\n";

int verb_outage(const Argv& argv) {
  auto args = parse_args(argv, view_value_options({"close", "isolate", "size", "out"}),
                         view_flag_options({"json"}));
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::printf("%s%s", kOutageHelp, kViewOptionsHelp), 0;
  if (args->positional.size() != 1 || args->has("close") == args->has("isolate"))
    return fail("outage: expected SCENE and one of --close or --isolate (see --help)", 2);
  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());

  std::vector<std::string> ids;
  std::vector<std::string> isolating;
  if (args->has("close")) {
    for (const std::string& id : split_list(args->get("close"))) {
      if (id.empty()) return fail("--close: empty id in '" + args->get("close") + "'", 2);
      ids.push_back(id);
    }
  } else {
    const std::string link = args->get("isolate");
    for (const Network& n : scene->networks) {
      if (n.utility != Utility::kWater) continue;
      for (size_t k = 0; k < n.links.size(); ++k) {
        if (n.links[k].id != link) continue;
        for (int v : sim::isolation_valves(n, int(k))) ids.push_back(n.nodes[size_t(v)].id);
        isolating.push_back(link);
      }
    }
    if (isolating.empty()) return fail(scene->path + ": no water link '" + link + "'");
    if (ids.empty())
      return fail("link " + link + " cannot be isolated: its valve-free segment reaches a source or the network's edge");
  }
  auto r = sim::water_outage(*scene, ids);
  if (!r) return fail(r.error());
  const Network& net = scene->networks[size_t(r->network)];

  nlohmann::json j;
  if (!isolating.empty()) j["isolate"] = isolating.front();
  j["closed_valves"] = nlohmann::json::array();
  for (int v : r->closed_valves) j["closed_valves"].push_back(net.nodes[size_t(v)].id);
  j["cut_links"] = nlohmann::json::array();
  for (int k : r->cut_links) j["cut_links"].push_back(net.links[size_t(k)].id);
  j["buildings"] = r->buildings;
  j["households"] = r->households;
  j["dry_nodes"] = r->dry_nodes.size();
  j["dry_links"] = r->dry_links.size();
  if (args->has("json")) {
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    if (!isolating.empty()) std::printf("isolating %s closes %zu valves\n", isolating.front().c_str(), r->closed_valves.size());
    std::printf("closed valves: %s\ncut links:     %s\n", j["closed_valves"].dump().c_str(), j["cut_links"].dump().c_str());
    std::printf("lost supply:   %zu buildings, %d households, %zu nodes, %zu links\n",
                r->buildings.size(), r->households, r->dry_nodes.size(), r->dry_links.size());
    for (const std::string& b : r->buildings) std::printf("  - %s\n", b.c_str());
  }

  if (args->has("out")) {
    auto size = parse_size(args->get("size", "1280x720"), "--size");
    if (!size) return fail(size.error(), 2);
    auto view = view_from_args(*scene, *args);
    if (!view) return fail(view.error());
    render::RendererOptions opts;
    opts.validation = render::validation_requested();
    auto renderer = render::Renderer::create_offscreen(size->x, size->y, opts);
    if (!renderer) return fail(renderer.error());
    SceneWorld sw = build_world(*scene);
    (*renderer)->set_world(sw.world);
    render::FrameParams f = prepare_frame(**renderer, *scene, sw, *view);
    (*renderer)->set_elements(outage_elements(*scene, sw, *r, overlay_for(*scene, sw, *view, nullptr).elements));
    auto image = (*renderer)->draw(f, true);
    if (!image) return fail(image.error());
    if (Status s = write_png(args->get("out"), *image); !s) return fail(s.error());
    std::printf("wrote %s\n", args->get("out").c_str());
  }
  return 0;
}

}  // namespace et::app
