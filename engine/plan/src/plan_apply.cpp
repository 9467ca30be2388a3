// A plan as it stands on a day: the as-found networks with the edits of every finished task
// applied, in the order the tasks finish (a later edit of the same link wins). Also the
// plan's small look-ups.
#include <algorithm>

#include "et/plan/plan.h"

namespace et::plan {
namespace {

// The link `id` in the utility's networks: (network, link index), or (-1, -1).
std::pair<int, int> find_link(const std::vector<Network>& nets, Utility u, const std::string& id) {
  for (size_t ni = 0; ni < nets.size(); ++ni) {
    if (nets[ni].utility != u) continue;
    for (size_t k = 0; k < nets[ni].links.size(); ++k)
      if (nets[ni].links[k].id == id) return {int(ni), int(k)};
  }
  return {-1, -1};
}

void relay(NetLink& l, double cover_start, double cover_end) {
  l.cover_start_m = cover_start;
  l.cover_end_m = cover_end;
  double half = l.section_height_m() / 2.0;
  lay_path(l.path, cover_start + half, cover_end + half);
}

void apply_edit(const Scene& scene, std::vector<Network>& nets, const Edit& e) {
  if (e.op == EditOp::kAdd) {
    if (e.network < 0 || size_t(e.network) >= nets.size()) return;
    Network& net = nets[size_t(e.network)];
    // link.from/to index the as-found nodes, then the edit's new nodes; earlier adds may
    // have appended nodes to this network since, so new nodes are re-indexed.
    int as_found = static_cast<int>(scene.networks[size_t(e.network)].nodes.size());
    int base = static_cast<int>(net.nodes.size());
    net.nodes.insert(net.nodes.end(), e.nodes.begin(), e.nodes.end());
    NetLink l = e.link;
    if (l.from >= as_found) l.from = base + (l.from - as_found);
    if (l.to >= as_found) l.to = base + (l.to - as_found);
    l.state = LinkState::kPlanned;
    net.links.push_back(std::move(l));
    return;
  }
  for (const std::string& id : e.links) {
    auto [ni, k] = find_link(nets, e.utility, id);
    if (ni < 0) continue;  // removed by an earlier edit
    std::vector<NetLink>& links = nets[size_t(ni)].links;
    NetLink& l = links[size_t(k)];
    switch (e.op) {
      case EditOp::kRemove:
        links.erase(links.begin() + k);
        break;
      case EditOp::kAbandon:
        l.state = LinkState::kAbandoned;
        break;
      case EditOp::kReroute:
      case EditOp::kMove:
        l.path.clear();
        for (glm::dvec2 p : e.path) l.path.push_back(glm::dvec3(p, 0.0));
        relay(l, e.has_cover ? e.cover_start_m : l.cover_start_m,
              e.has_cover ? e.cover_end_m : l.cover_end_m);
        break;
      case EditOp::kDepth:
        relay(l, e.cover_start_m, e.cover_end_m);
        break;
      default:
        break;
    }
  }
}

}  // namespace

double Trench::length_m() const {
  double len = 0.0;
  for (size_t i = 1; i < path.size(); ++i) len += glm::length(path[i] - path[i - 1]);
  return len;
}

const Trench* Plan::find_trench(const std::string& trench_id) const {
  for (const Trench& t : trenches)
    if (t.id == trench_id) return &t;
  return nullptr;
}

const Edit* Plan::find_edit(const std::string& edit_id) const {
  for (const Edit& e : edits)
    if (e.id == edit_id) return &e;
  return nullptr;
}

const Task* Plan::task_of_edit(const std::string& edit_id) const {
  for (const Task& t : tasks)
    if (std::find(t.edits.begin(), t.edits.end(), edit_id) != t.edits.end()) return &t;
  return nullptr;
}

int Plan::first_day() const {
  if (tasks.empty()) return 0;
  int d = tasks.front().start_day;
  for (const Task& t : tasks) d = std::min(d, t.start_day);
  return d;
}

int Plan::last_day() const {
  if (tasks.empty()) return 0;
  int d = tasks.front().end_day;
  for (const Task& t : tasks) d = std::max(d, t.end_day);
  return d;
}

std::vector<Network> apply_plan(const Scene& scene, const Plan& plan, int day) {
  std::vector<Network> nets = scene.networks;
  std::vector<const Task*> done;
  for (const Task& t : plan.tasks)
    if (t.end_day < day) done.push_back(&t);
  std::stable_sort(done.begin(), done.end(),
                   [](const Task* a, const Task* b) { return a->end_day < b->end_day; });
  for (const Task* t : done)
    for (const std::string& id : t->edits)
      if (const Edit* e = plan.find_edit(id)) apply_edit(scene, nets, *e);
  return nets;
}

std::vector<const Trench*> open_trenches(const Plan& plan, int day) {
  std::vector<const Trench*> out;
  for (const Trench& tr : plan.trenches) {
    bool open = std::any_of(plan.tasks.begin(), plan.tasks.end(), [&](const Task& t) {
      return t.trench == tr.id && t.start_day <= day && day <= t.end_day;
    });
    if (open) out.push_back(&tr);
  }
  return out;
}

}  // namespace et::plan
