#include "outage_view.h"

#include <cstdio>
#include <set>

#include "et/app/palette.h"

namespace et::app {

std::vector<render::Element> outage_elements(const Scene& scene, const SceneWorld& sw,
                                             const sim::OutageResult& r,
                                             std::vector<render::Element> els) {
  std::set<int> dry_nodes(r.dry_nodes.begin(), r.dry_nodes.end());
  std::set<int> dry_links(r.dry_links.begin(), r.dry_links.end());
  std::set<int> closed(r.closed_valves.begin(), r.closed_valves.end());
  std::set<int> cut(r.cut_links.begin(), r.cut_links.end());
  std::set<std::string> buildings(r.buildings.begin(), r.buildings.end());
  // Dry lines in white: distinct from every utility colour in both palettes.
  const glm::vec4 dry(srgb_to_linear({250, 250, 250}), 1.0f);
  const glm::vec4 red(srgb_to_linear({230, 30, 30}), 1.0f);
  const glm::vec4 yellow(srgb_to_linear({255, 210, 0}), 1.0f);
  for (size_t i = 0; i < sw.elements.size(); ++i) {
    const ElementRef& e = sw.elements[i];
    if (e.kind == ElementRef::Kind::kBuilding) {
      if (buildings.count(scene.buildings[size_t(e.index)].id)) els[i].tint = glm::vec4(glm::vec3(red), 0.55f);
    } else if (e.network == r.network && e.kind == ElementRef::Kind::kLink) {
      if (cut.count(e.index)) els[i].tint = yellow;
      else if (dry_links.count(e.index)) els[i].tint = dry;
    } else if (e.network == r.network && e.kind == ElementRef::Kind::kNode) {
      if (closed.count(e.index)) els[i].tint = yellow;
      else if (dry_nodes.count(e.index)) els[i].tint = dry;
    }
  }
  return els;
}

std::vector<std::string> OutageControls::actions(const PlanView& pv, int element) {
  int local = 0;
  if (pv.world_of(element, local).plan) return {};
  const ElementRef& e = pv.element(element);
  if (e.kind != ElementRef::Kind::kLink && e.kind != ElementRef::Kind::kNode) return {};
  const Network& net = pv.scene().networks[size_t(e.network)];
  if (net.utility != Utility::kWater) return {};
  if (e.kind == ElementRef::Kind::kLink) return {"Cut link", "Isolate"};
  if (net.nodes[size_t(e.index)].kind == NodeKind::kValve) return {"Close valve"};
  return {};
}

void OutageControls::act(const PlanView& pv, int selected, const std::string& what) {
  const ElementRef& e = pv.element(selected);
  const Network& net = scene_.networks[size_t(e.network)];
  if (what == "Isolate") {
    const std::vector<int> valves = sim::isolation_valves(net, e.index);
    for (int v : valves) ids_.push_back(net.nodes[size_t(v)].id);
    if (valves.empty()) model_.error = "no valves isolate " + net.links[size_t(e.index)].id;
  } else {
    ids_.push_back(e.kind == ElementRef::Kind::kLink ? net.links[size_t(e.index)].id
                                                     : net.nodes[size_t(e.index)].id);
  }
  changed_ = true;
}

void OutageControls::draw_panel() {
  if (!ui::draw_outage(model_)) return;
  ids_.clear();
  model_ = {};
  changed_ = true;
}

bool OutageControls::update() {
  if (!changed_) return false;
  changed_ = false;
  result_.reset();
  model_.closed.clear();
  model_.buildings.clear();
  model_.households = 0;
  if (ids_.empty()) return true;
  auto res = sim::water_outage(scene_, ids_);
  if (!res) {
    model_.error = res.error().message;
    return true;
  }
  result_ = std::make_unique<sim::OutageResult>(std::move(*res));
  model_.closed = ids_;
  model_.buildings = result_->buildings;
  model_.households = result_->households;
  std::printf("outage: %d households in %zu buildings lose supply\n", result_->households,
              result_->buildings.size());
  return true;
}

std::vector<render::Element> OutageControls::colour(const PlanView& pv,
                                                    std::vector<render::Element> els) const {
  if (!result_ || pv.split() || pv.left().plan) return els;
  return outage_elements(scene_, pv.left(), *result_, std::move(els));
}

}  // namespace et::app
