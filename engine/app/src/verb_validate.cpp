// estatetwin validate: loads everything a scene names and reports what it found and
// what is wrong with it. Problems are reported, not fatal: exit 1 only when the scene
// cannot be loaded.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>

#include <nlohmann/json.hpp>

#include "et/app/plan_view.h"
#include "et/plan/rules.h"
#include "et/scene/network_checks.h"
#include "et/scene/tour.h"
#include "verbs.h"

namespace et::app {

static const char* kValidateHelp =
    "usage: estatetwin validate SCENE [--json]\n"
    "Loads the scene's manifest, models and network layers and reports counts per utility\n"
    "(length, nodes, links, connected pieces) and problems: layers that failed to load,\n"
    "links above ground, of zero length, through buildings, with dangling ends or shallow\n"
    "cover, and residential buildings without a connection; and the relocation plans,\n"
    "lane segments, clearance rules and tours it names (a file that fails is a problem).\n"
    "  --json   print the report as JSON\n";

// Kinds in the order they are printed; anything else follows alphabetically.
static const char* const kKindOrder[] = {
    "layer_not_loaded", "plans_not_loaded", "rules_not_loaded", "tours_not_loaded", "note_element_missing",
    "building_below_ground", "above_ground",  "zero_length",
    "through_building", "dangling_end",          "shallow_cover", "unconnected_building"};
constexpr size_t kListedPerKind = 20;

// Notes pinned to an element that neither the scene nor any of its plans has: a typo in
// annotations.json would otherwise leave the note at its point, silently.
static void note_problems(const Scene& scene, const PlanSet& plans, std::vector<Problem>& out) {
  auto has = [](const std::vector<Network>& nets, const Annotation& a) {
    for (const Network& n : nets) {
      if (a.kind == "link")
        for (const NetLink& l : n.links) if (l.id == a.id) return true;
      if (a.kind == "node")
        for (const NetNode& d : n.nodes) if (d.id == a.id) return true;
    }
    return false;
  };
  for (size_t i = 0; i < scene.annotations.size(); ++i) {
    const Annotation& a = scene.annotations[i];
    if (a.kind == "point") continue;
    bool found = false;
    if (a.kind == "building")
      for (const Building& b : scene.buildings) found = found || b.id == a.id;
    else
      found = has(scene.networks, a);
    for (size_t p = 0; !found && a.kind != "building" && p < plans.plans.size(); ++p)
      found = has(plan::apply_plan(scene, plans.plans[p]), a);
    if (!found)
      out.push_back({"note_element_missing", "", a.id, "",
                     annotations_path(scene) + ": /annotations/" + std::to_string(i) + "/id: no " +
                         a.kind + " '" + a.id + "' in the scene or its plans",
                     a.point});
  }
}

static size_t kind_rank(const std::string& kind) {
  for (size_t i = 0; i < std::size(kKindOrder); ++i)
    if (kind == kKindOrder[i]) return i;
  return std::size(kKindOrder);
}

int verb_validate(const Argv& argv) {
  auto args = parse_args(argv, {}, {"help", "json"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::fputs(kValidateHelp, stdout), 0;
  std::string path = args->positional.empty() ? kDefaultScene : args->positional[0];
  if (args->positional.size() > 1) return fail("validate: expected one SCENE", 2);
  auto scene = load_scene(path);
  if (!scene) return fail(scene.error());

  auto model_of = [&](const Building& b) -> const Mesh* {
    if (b.model < 0 || size_t(b.model) >= scene->models.size()) return nullptr;
    return &scene->models[size_t(b.model)].mesh;
  };
  size_t triangles = 0;
  for (const Building& b : scene->buildings)
    if (const Mesh* m = model_of(b)) triangles += m->triangle_count();

  ValidationReport report = validate_scene(*scene);
  // Scene-level problems first: layers that did not load, buildings sunk into the ground.
  std::vector<Problem> problems;
  for (const std::string& w : scene->warnings)
    problems.push_back({"layer_not_loaded", "", "", "", w, glm::dvec3(0.0)});
  // Plans (with their lanes), the clearance rules and the tours: each checked as the verbs
  // that use them check it, so a scene that validates also compares, renders and records.
  std::string plan_ids;
  PlanSet plan_set;
  if (!scene->plan_files.empty() || !scene->lanes_file.empty()) {
    auto plans = load_plan_set(*scene);
    if (!plans) problems.push_back({"plans_not_loaded", "", "", "", plans.error().message, {}});
    else
      for (const plan::Plan& p : plans->plans) plan_ids += " " + p.id;
    if (plans) plan_set = std::move(*plans);
  }
  note_problems(*scene, plan_set, problems);
  if (auto rules = plan::load_scene_rules(*scene); !rules)
    problems.push_back({"rules_not_loaded", "", "", "", rules.error().message, {}});
  if (auto tours = load_tours(*scene); !tours)
    problems.push_back({"tours_not_loaded", "", "", "", tours.error().message, {}});
  for (const Building& b : scene->buildings) {
    const Mesh* m = model_of(b);
    if (!m) continue;
    double bottom = b.position.z + m->bounds_min.z;
    if (bottom < -0.5) {
      char depth[32];
      std::snprintf(depth, sizeof depth, "%.2f", -bottom);
      problems.push_back({"building_below_ground", "", "", b.id,
                          "building " + b.id + " reaches " + depth + " m below ground",
                          glm::dvec3(b.position.x, b.position.y, bottom)});
    }
  }
  problems.insert(problems.end(), report.problems.begin(), report.problems.end());
  std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
    size_t ra = kind_rank(a.kind), rb = kind_rank(b.kind);
    return ra != rb ? ra < rb : (ra == std::size(kKindOrder) && a.kind < b.kind);
  });
  std::map<std::string, int> counts;
  for (const char* k : kKindOrder) counts[k] = 0;
  for (const Problem& p : problems) ++counts[p.kind];

  if (args->has("json")) {
    using nlohmann::json;
    json j;
    j["scene"] = scene->name;
    j["buildings"] = report.buildings;
    j["households"] = report.households;
    j["models"] = scene->models.size();
    j["triangles"] = triangles;
    j["bookmarks"] = json::array();
    for (const Bookmark& b : scene->bookmarks) j["bookmarks"].push_back(b.name);
    json length = json::object(), nodes = json::object(), links = json::object(),
         pieces = json::object();
    for (int u = 0; u < int(Utility::kHeat); ++u) {  // always the five; heat when present
      const char* name = utility_name(Utility(u));
      length[name] = 0.0;
      nodes[name] = 0;
      links[name] = 0;
      pieces[name] = 0;
    }
    for (const UtilityStats& s : report.utilities) {
      const char* name = utility_name(s.utility);
      length[name] = std::round(s.length_km * 1e6) / 1e6;  // to the millimetre
      nodes[name] = s.nodes;
      links[name] = s.links;
      pieces[name] = s.pieces;
    }
    j["length_km"] = length;
    j["nodes"] = nodes;
    j["links"] = links;
    j["pieces"] = pieces;
    json list = json::array();
    for (const Problem& p : problems)
      list.push_back({{"kind", p.kind},
                      {"utility", p.utility},
                      {"element", p.element},
                      {"other", p.other},
                      {"message", p.message},
                      {"x", p.where.x},
                      {"y", p.where.y},
                      {"z", p.where.z}});
    j["problems"] = list;
    j["problem_counts"] = counts;
    j["warnings"] = scene->warnings;
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }

  std::printf("scene      %s (%s)\n", scene->name.c_str(), scene->path.c_str());
  std::printf("origin     lon %.6f, lat %.6f, height %.1f m\n", scene->origin.lon_deg,
              scene->origin.lat_deg, scene->origin.height_m);
  std::printf("buildings  %d (%d households)\n", report.buildings, report.households);
  std::printf("models     %zu, %zu triangles placed\n", scene->models.size(), triangles);
  std::printf("bookmarks ");
  for (const Bookmark& b : scene->bookmarks) std::printf(" %s", b.name.c_str());
  std::printf("\nplans     %s\n", plan_ids.empty() ? " none" : plan_ids.c_str());
  std::printf("networks   %zu utilities\n", report.utilities.size());
  if (!report.utilities.empty())
    std::printf("  %-9s %12s %8s %8s %7s\n", "utility", "length km", "nodes", "links", "pieces");
  for (const UtilityStats& s : report.utilities)
    std::printf("  %-9s %12.3f %8d %8d %7d\n", utility_name(s.utility), s.length_km, s.nodes,
                s.links, s.pieces);
  std::printf("problems   %zu\n", problems.size());
  for (size_t i = 0; i < problems.size();) {
    const std::string& kind = problems[i].kind;
    size_t n = size_t(counts[kind]);
    std::printf("  %s: %zu\n", kind.c_str(), n);
    for (size_t k = 0; k < n; ++k) {
      const Problem& p = problems[i + k];
      if (k == kListedPerKind) {
        std::printf("    ... and %zu more\n", n - k);
        break;
      }
      std::printf("    - %s%s%s\n", p.utility.c_str(), p.utility.empty() ? "" : ": ",
                  p.message.c_str());
    }
    i += n;
  }
  return 0;
}

}  // namespace et::app
