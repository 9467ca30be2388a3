// Plan files (README "Plans", format estatetwin-plan/1). Every value is read through a
// json_io::Field, so an error names the file and the JSON pointer; the plan and the edit,
// task, trench or cost item being read are put in front of what was expected, e.g.
//   "plans/x.json: /edits/3/links/0: plan 'coordinated', edit 'E4': unknown gas link 'G-P9'"
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "et/core/date.h"
#include "et/core/file_io.h"
#include "et/core/json_field.h"
#include "et/plan/plan.h"

namespace et::plan {
namespace {

using json = nlohmann::json;
using json_io::Field;
using json_io::JsonFailure;
namespace fs = std::filesystem;

constexpr const char* kOpNames[] = {"remove", "abandon", "add", "reroute", "depth", "move"};
static_assert(std::size(kOpNames) == static_cast<size_t>(EditOp::kCount));

// Puts `context` ("plan 'p', edit 'E4': ") after "FILE: POINTER: " in a failure raised while
// reading one item, so that Field's own messages ("expected a string") name it too.
template <typename Fn>
void with_context(const std::string& file, const std::string& context, Fn fn) {
  try {
    fn();
  } catch (JsonFailure& f) {
    std::string& m = f.error.message;
    std::string head = file + ": ";
    // A message that already names this item (or a narrower one) is left alone.
    std::string marker = context.substr(0, context.rfind(": "));
    if (!context.empty() && m.find(marker) == std::string::npos && m.rfind(head, 0) == 0) {
      size_t p = m.find(": ", head.size());
      m.insert(p == std::string::npos ? head.size() : p + 2, context);
    }
    throw;
  }
}

std::string named(const std::string& s) { return "'" + s + "'"; }

std::string id_of(const Field& f, std::set<std::string>& seen, const char* what) {
  std::string id = f["id"].str();
  if (id.empty()) f["id"].fail(std::string("expected a non-empty ") + what + " id");
  if (!seen.insert(id).second) f["id"].fail(std::string("duplicate ") + what + " id " + named(id));
  return id;
}

std::string company(const Field& f) {
  std::string owner = f.str();
  if (!is_company(owner))
    f.fail("expected a company (water, power, gas, telecom or district), got '" + owner + "'");
  return owner;
}

std::vector<glm::dvec2> read_path(const Field& f) {
  std::vector<glm::dvec2> path;
  size_t n = f.array_size();
  if (n < 2) f.fail("expected a path of at least 2 points [x, y]");
  for (size_t i = 0; i < n; ++i) {
    glm::dvec2 p = f.at(i).vec2();
    if (std::abs(p.x) > json_io::kMaxCoordinate || std::abs(p.y) > json_io::kMaxCoordinate)
      f.at(i).fail("coordinate out of range (absurd value)");
    path.push_back(p);
  }
  double length = 0.0;
  for (size_t i = 1; i < path.size(); ++i) length += glm::length(path[i] - path[i - 1]);
  if (length < 1e-3) f.fail("the path has zero length");
  return path;
}

int read_date(const Field& f) {
  std::string text = f.str();
  std::optional<int> day = parse_date(text);
  if (!day) f.fail("expected a date YYYY-MM-DD, got \"" + text + "\"");
  return *day;
}

std::string text_of(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

struct Loader {
  const std::string& file;
  const Scene& scene;
  Plan& plan;
  std::set<std::string> new_ids;  // links and nodes added by the plan, per utility + id
  std::map<std::string, std::string> edited;  // "utility/link" -> the edit that changes it

  static std::string fixed2(double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
  }

  std::vector<int> networks_of(Utility u) const {
    std::vector<int> out;
    for (size_t i = 0; i < scene.networks.size(); ++i)
      if (scene.networks[i].utility == u) out.push_back(static_cast<int>(i));
    return out;
  }
  bool has_link(Utility u, const std::string& id) const {
    for (int ni : networks_of(u))
      for (const NetLink& l : scene.networks[size_t(ni)].links)
        if (l.id == id) return true;
    return false;
  }
  // The as-found end points (plan x, y) of a link; false when it has no end nodes.
  bool link_ends(Utility u, const std::string& id, glm::dvec2& a, glm::dvec2& b) const {
    for (int ni : networks_of(u)) {
      const Network& net = scene.networks[size_t(ni)];
      for (const NetLink& l : net.links)
        if (l.id == id && !l.path.empty()) {
          a = glm::dvec2(l.path.front());
          b = glm::dvec2(l.path.back());
          return true;
        }
    }
    return false;
  }
  bool has_node(Utility u, const std::string& id) const {
    for (int ni : networks_of(u))
      if (scene.networks[size_t(ni)].find_node(id) >= 0) return true;
    return false;
  }

  void trench(const Field& f, std::set<std::string>& seen) {
    Trench t;
    t.id = id_of(f, seen, "trench");
    with_context(file, "plan " + named(plan.id) + ", trench " + named(t.id) + ": ", [&] {
      if (f.has("kind")) {
        std::string kind = f["kind"].str();
        if (kind != "trench" && kind != "tunnel")
          f["kind"].fail("expected \"trench\" or \"tunnel\", got \"" + kind + "\"");
        t.kind = kind == "tunnel" ? TrenchKind::kTunnel : TrenchKind::kTrench;
      }
      t.path = read_path(f["path"]);
      t.width_m = f["width_m"].num_in(0.05, 100.0);
      t.depth_m = f["depth_m"].num_in(0.05, 100.0);
    });
    plan.trenches.push_back(std::move(t));
  }

  std::string trench_ref(const Field& f) const {
    std::string id = f.str();
    if (!plan.find_trench(id)) f.fail("unknown trench " + named(id));
    return id;
  }

  void covers(const Field& f, Edit& e) {
    if (f.array_size() != 2) f.fail("expected [start, end] cover in metres");
    // A plan lays lines in the ground (overhead lines are only taken down): 0..10 m of cover.
    e.cover_start_m = f.at(0).num_in(0.0, 10.0);
    e.cover_end_m = f.at(1).num_in(0.0, 10.0);
    e.has_cover = true;
  }

  NetNode new_node(const Field& f, Utility u) {
    NetNode n;
    n.id = f["id"].str();
    if (n.id.empty()) f["id"].fail("expected a non-empty node id");
    if (has_node(u, n.id) || !new_ids.insert(std::string(utility_name(u)) + "/" + n.id).second)
      f["id"].fail(std::string("node id ") + named(n.id) + " already exists in the " +
                   utility_name(u) + " network");
    std::string kind = f["kind"].str();
    n.kind = node_kind_from_name(kind);
    if (n.kind == NodeKind::kCount) f["kind"].fail("unknown node kind '" + kind + "'");
    Field pos = f["position"];
    if (pos.raw().is_array() && pos.raw().size() == 3) {
      n.position = pos.vec3();
    } else {
      n.position = glm::dvec3(pos.vec2(), 0.0);
    }
    if (f.has("depth_m")) n.depth_m = f["depth_m"].num_in(0.0, 200.0);
    if (f.has("owner")) n.owner = f["owner"].str();
    if (f.has("install_year")) n.install_year = f["install_year"].integer_in(1800, 2100);
    if (f.has("condition")) n.condition = f["condition"].str();
    if (f.has("building")) {
      n.building = f["building"].str();
      bool known = std::any_of(scene.buildings.begin(), scene.buildings.end(),
                               [&](const Building& b) { return b.id == n.building; });
      if (!known) f["building"].fail("unknown building " + named(n.building));
    }
    static const std::set<std::string> kRead = {"id",    "kind",         "position",  "depth_m",
                                                "owner", "install_year", "condition", "building"};
    for (auto it = f.raw().begin(); it != f.raw().end(); ++it)
      if (!kRead.count(it.key())) n.attributes[it.key()] = text_of(it.value());
    return n;
  }

  // The GeoJSON link properties (README "GeoJSON networks"), path in scene metres.
  void add_link(const Field& f, Edit& e) {
    NetLink& l = e.link;
    l.id = f["id"].str();
    if (l.id.empty()) f["id"].fail("expected a non-empty link id");
    if (has_link(e.utility, l.id) ||
        !new_ids.insert(std::string(utility_name(e.utility)) + "/" + l.id).second)
      f["id"].fail("link id " + named(l.id) + " already exists in the " + utility_name(e.utility) +
                   " network");
    std::string kind = f["kind"].str();
    l.kind = link_kind_from_name(kind);
    if (l.kind == LinkKind::kCount)
      f["kind"].fail("unknown link kind '" + kind + "' (expected pipe, cable or duct)");
    for (glm::dvec2 p : read_path(f["path"])) l.path.push_back(glm::dvec3(p, 0.0));
    if (f.has("diameter_mm")) l.diameter_mm = f["diameter_mm"].num_in(1.0, 20000.0);
    if (f.has("width_mm") || f.has("height_mm")) {
      l.width_mm = f["width_mm"].num_in(1.0, 20000.0);
      l.height_mm = f["height_mm"].num_in(1.0, 20000.0);
    } else if (l.diameter_mm == 0.0) {
      f.fail("missing section: expected diameter_mm, or width_mm and height_mm");
    }
    l.cover_start_m = f["cover_start_m"].num_in(-200.0, 200.0);
    l.cover_end_m = f["cover_end_m"].num_in(-200.0, 200.0);
    double half = l.section_height_m() / 2.0;
    lay_path(l.path, l.cover_start_m + half, l.cover_end_m + half);
    auto text = [&](const char* key, std::string& out) {
      if (f.has(key)) out = f[key].str();
    };
    text("material", l.material);
    text("owner", l.owner);
    text("condition", l.condition);
    text("subtype", l.subtype);
    text("pressure_class", l.pressure_class);
    if (f.has("install_year")) l.install_year = f["install_year"].integer_in(1800, 2100);
    static const std::set<std::string> kSubtypes = {"storm",         "sewer",   "combined",
                                                    "direct_buried", "conduit", "duct_bank",
                                                    "overhead",      "informal"};
    if (!l.subtype.empty() && !kSubtypes.count(l.subtype))
      f["subtype"].fail("unknown subtype '" + l.subtype + "'");
    static const std::set<std::string> kPressures = {"low", "medium", "sub_high_b", "sub_high_a",
                                                     "high"};
    if (!l.pressure_class.empty() && !kPressures.count(l.pressure_class))
      f["pressure_class"].fail("unknown pressure_class '" + l.pressure_class + "'");
    if (f.has("voltage_kv")) l.voltage_kv = f["voltage_kv"].num_in(0.0, 1000.0);
    if (f.has("cable_count")) l.cable_count = f["cable_count"].integer_in(0, 100000);
    if (f.has("fibre_count")) l.fibre_count = f["fibre_count"].integer_in(0, 100000);
    if (f.has("duct_count")) l.duct_count = f["duct_count"].integer_in(0, 100000);
    l.state = LinkState::kPlanned;  // a new link is planned whatever the file says
    static const std::set<std::string> kRead = {
        "id",          "kind",          "path",           "diameter_mm",  "width_mm",
        "height_mm",   "cover_start_m", "cover_end_m",    "material",     "owner",
        "condition",   "subtype",       "pressure_class", "install_year", "voltage_kv",
        "cable_count", "fibre_count",   "duct_count",     "from",         "to",
        "state"};
    for (auto it = f.raw().begin(); it != f.raw().end(); ++it)
      if (!kRead.count(it.key())) l.attributes[it.key()] = text_of(it.value());
  }

  // from/to: an existing node of the utility or one of the edit's new nodes. The link joins
  // the network holding its existing end (the utility's first network when both are new).
  void resolve_ends(const Field& f, Edit& e) {
    std::vector<int> nets = networks_of(e.utility);
    if (nets.empty())
      f.fail(std::string("the scene has no ") + utility_name(e.utility) + " network to add to");
    std::string from = f.has("from") ? f["from"].str() : "";
    std::string to = f.has("to") ? f["to"].str() : "";
    e.network = nets.front();
    for (const std::string& id : {from, to}) {
      if (id.empty()) continue;
      auto it = std::find_if(nets.begin(), nets.end(),
                             [&](int ni) { return scene.networks[size_t(ni)].find_node(id) >= 0; });
      if (it != nets.end()) {
        e.network = *it;
        break;
      }
    }
    const Network& net = scene.networks[size_t(e.network)];
    auto index = [&](const std::string& id, const char* key) {
      if (id.empty()) return -1;
      for (size_t k = 0; k < e.nodes.size(); ++k)
        if (e.nodes[k].id == id) return static_cast<int>(net.nodes.size() + k);
      int n = net.find_node(id);
      if (n < 0)
        f[key].fail(std::string("unknown ") + utility_name(e.utility) + " node " + named(id));
      return n;
    };
    e.link.from = index(from, "from");
    e.link.to = index(to, "to");
  }

  void edit(const Field& f, std::set<std::string>& seen) {
    Edit e;
    e.id = id_of(f, seen, "edit");
    with_context(file, "plan " + named(plan.id) + ", edit " + named(e.id) + ": ", [&] {
      std::string op = f["op"].str();
      e.op = edit_op_from_name(op);
      if (e.op == EditOp::kCount)
        f["op"].fail("unknown op '" + op +
                     "' (expected remove, abandon, add, reroute, depth or move)");
      e.owner = company(f["owner"]);
      std::string utility = f["utility"].str();
      e.utility = utility_from_name(utility);
      if (e.utility == Utility::kCount)
        f["utility"].fail("expected water, drainage, gas, power, telecom or heat, got '" + utility +
                          "'");
      if (f.has("trench")) e.trench = trench_ref(f["trench"]);
      if (e.op == EditOp::kAdd) {
        if (f.has("nodes")) {
          Field nodes = f["nodes"];
          for (size_t i = 0; i < nodes.array_size(); ++i)
            e.nodes.push_back(new_node(nodes.at(i), e.utility));
        }
        add_link(f["link"], e);
        resolve_ends(f["link"], e);
        return;
      }
      Field links = f["links"];
      size_t n = links.array_size();
      bool single = e.op == EditOp::kReroute || e.op == EditOp::kDepth || e.op == EditOp::kMove;
      if (n == 0 || (single && n != 1))
        links.fail(std::string(single ? "expected exactly one link id for "
                                      : "expected one or more link ids for ") +
                   op);
      for (size_t i = 0; i < n; ++i) {
        std::string id = links.at(i).str();
        if (!has_link(e.utility, id))
          links.at(i).fail(std::string("unknown ") + utility_name(e.utility) + " link " +
                           named(id));
        // One edit per link: two edits of one line (lowered and removed) contradict.
        auto [other, fresh] = edited.emplace(std::string(utility_name(e.utility)) + "/" + id, e.id);
        if (!fresh)
          links.at(i).fail(std::string(utility_name(e.utility)) + " link " + named(id) +
                           " is already edited by edit " + named(other->second));
        e.links.push_back(id);
      }
      if (e.op == EditOp::kReroute || e.op == EditOp::kMove) {
        e.path = read_path(f["path"]);
        // The new route keeps the link's ends (its nodes stay where they are).
        glm::dvec2 a, b;
        if (link_ends(e.utility, e.links.front(), a, b)) {
          Field path = f["path"];
          constexpr double kEndToleranceM = 0.05;
          if (glm::length(e.path.front() - a) > kEndToleranceM)
            path.at(0).fail("expected the link's start at (" + fixed2(a.x) + ", " + fixed2(a.y) +
                            ") as the first point");
          if (glm::length(e.path.back() - b) > kEndToleranceM)
            path.at(e.path.size() - 1)
                .fail("expected the link's end at (" + fixed2(b.x) + ", " + fixed2(b.y) +
                      ") as the last point");
        }
      }
      if (e.op == EditOp::kMove && e.trench.empty())
        Field(f.raw(), f.pointer() + "/trench", file)
            .fail("a move needs the trench or tunnel it moves the link into");
      if (e.op == EditOp::kDepth || f.has("cover_m")) covers(f["cover_m"], e);
    });
    plan.edits.push_back(std::move(e));
  }

  void task(const Field& f, std::set<std::string>& seen,
            std::map<std::string, std::string>& owner_task) {
    Task t;
    t.id = id_of(f, seen, "task");
    with_context(file, "plan " + named(plan.id) + ", task " + named(t.id) + ": ", [&] {
      t.name = f.has("name") ? f["name"].str() : t.id;
      t.owner = company(f["owner"]);
      if (f.has("crew")) t.crew = f["crew"].str();
      if (f.has("trench")) t.trench = trench_ref(f["trench"]);
      Field edits = f["edits"];
      for (size_t i = 0; i < edits.array_size(); ++i) {
        std::string id = edits.at(i).str();
        if (!plan.find_edit(id)) edits.at(i).fail("unknown edit " + named(id));
        auto [it, fresh] = owner_task.emplace(id, t.id);
        if (!fresh)
          edits.at(i).fail("edit " + named(id) + " is already in task " + named(it->second) +
                           " (every edit belongs to exactly one task)");
        t.edits.push_back(id);
      }
      t.start_day = read_date(f["start"]);
      t.end_day = read_date(f["end"]);
      if (t.start_day < scene.epoch_day)
        f["start"].fail("starts before the scene's epoch " + format_date(scene.epoch_day) +
                        " (day 0 of the clock: the schedule could not be shown)");
      if (t.end_day < t.start_day)
        f["end"].fail("ends before it starts (" + format_date(t.end_day) + " < " +
                      format_date(t.start_day) + ")");
      if (f.has("outage_h")) t.outage_h = f["outage_h"].num_in(0.0, 8760.0);
    });
    plan.tasks.push_back(std::move(t));
  }

  void cost(const Field& f, size_t index) {
    CostItem c;
    with_context(file, "plan " + named(plan.id) + ", cost " + std::to_string(index) + ": ", [&] {
      c.item = f["item"].str();
      c.owner = company(f["owner"]);
      if (f.has("edit")) {
        c.edit = f["edit"].str();
        if (!plan.find_edit(c.edit)) f["edit"].fail("unknown edit " + named(c.edit));
      }
      c.quantity = f["quantity"].num_in(0.0, 1e9);
      c.unit = f["unit"].str();
      c.unit_cost_cny = f["unit_cost_cny"].num_in(0.0, 1e12);
    });
    plan.costs.push_back(std::move(c));
  }

  void read(const json& root) {
    Field r(root, "", file);
    if (!root.is_object()) r.fail("expected a JSON object");
    std::string format = r["format"].str();
    if (format != "estatetwin-plan/1")
      r["format"].fail("expected \"estatetwin-plan/1\", got \"" + format + "\"");
    plan.id = r["id"].str();
    if (plan.id.empty()) r["id"].fail("expected a non-empty plan id");
    with_context(file, "plan " + named(plan.id) + ": ", [&] {
      plan.name = r.has("name") ? r["name"].str() : plan.id;
      if (r.has("description")) plan.description = r["description"].str();
      std::set<std::string> seen;
      if (r.has("trenches"))
        for (size_t i = 0; i < r["trenches"].array_size(); ++i) trench(r["trenches"].at(i), seen);
      seen.clear();
      Field edits = r["edits"];
      for (size_t i = 0; i < edits.array_size(); ++i) edit(edits.at(i), seen);
      seen.clear();
      std::map<std::string, std::string> owner_task;
      Field tasks = r["tasks"];
      for (size_t i = 0; i < tasks.array_size(); ++i) task(tasks.at(i), seen, owner_task);
      if (r.has("costs"))
        for (size_t i = 0; i < r["costs"].array_size(); ++i) cost(r["costs"].at(i), i);
      for (size_t i = 0; i < plan.edits.size(); ++i)
        if (!owner_task.count(plan.edits[i].id))
          edits.at(i).fail("plan " + named(plan.id) + ", edit " + named(plan.edits[i].id) +
                           ": is in no task (every edit belongs to exactly one task)");
      // One crew at a time in a trench: dates of two tasks in it must not overlap.
      for (size_t j = 0; j < plan.tasks.size(); ++j)
        for (size_t i = 0; i < j; ++i) {
          const Task& a = plan.tasks[i];
          const Task& b = plan.tasks[j];
          if (a.trench.empty() || a.trench != b.trench) continue;
          if (b.start_day > a.end_day || a.start_day > b.end_day) continue;
          tasks.at(j)["start"].fail("plan " + named(plan.id) + ", task " + named(b.id) +
                                    ": overlaps task " + named(a.id) + " in trench " +
                                    named(a.trench) + " (" + format_date(b.start_day) + ".." +
                                    format_date(b.end_day) + " and " + format_date(a.start_day) +
                                    ".." + format_date(a.end_day) + ")");
        }
    });
  }
};

}  // namespace

bool is_company(const std::string& owner) {
  return owner == "water" || owner == "power" || owner == "gas" || owner == "telecom" ||
         owner == "district";
}

const char* edit_op_name(EditOp op) {
  auto i = static_cast<size_t>(op);
  return i < std::size(kOpNames) ? kOpNames[i] : "unknown";
}

EditOp edit_op_from_name(const std::string& name) {
  for (size_t i = 0; i < std::size(kOpNames); ++i)
    if (name == kOpNames[i]) return static_cast<EditOp>(i);
  return EditOp::kCount;
}

Result<Plan> load_plan(const std::string& path, const Scene& scene) {
  Result<json> parsed = json_io::read_json_file(path);
  if (!parsed) return parsed.error();
  const json& root = *parsed;
  Plan plan;
  plan.file = path;
  Loader loader{path, scene, plan, {}};
  try {
    loader.read(root);
  } catch (const JsonFailure& f) {
    return f.error;
  }
  return plan;
}

Result<std::vector<Plan>> load_plans(const Scene& scene) {
  std::vector<Plan> plans;
  for (const std::string& f : scene.plan_files) {
    std::string path = (fs::path(scene.dir) / f).string();
    Result<Plan> p = load_plan(path, scene);
    if (!p) return p.error();
    for (const Plan& other : plans)
      if (other.id == p->id)
        return make_error(path, "/id",
                          "plan id " + named(p->id) + " is also the id of " + other.file);
    plans.push_back(std::move(*p));
  }
  return plans;
}

}  // namespace et::plan
