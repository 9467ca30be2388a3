#include "et/app/measure.h"

#include <cmath>

#include "et/app/plan_view.h"

namespace et::app {
namespace {

using json = nlohmann::json;

double mm(double v) { return std::round(v * 1000.0) / 1000.0 + 0.0; }  // + 0.0: no "-0.0"
json pt(glm::dvec3 p) { return json::array({mm(p.x), mm(p.y), mm(p.z)}); }

const char* kind_name(plan::RuleKind k) {
  switch (k) {
    case plan::RuleKind::kHorizontal: return "horizontal";
    case plan::RuleKind::kVertical: return "vertical";
    case plan::RuleKind::kCover: return "cover";
  }
  return "?";
}

}  // namespace

glm::dvec3 round_mm(glm::dvec3 p) { return {mm(p.x), mm(p.y), mm(p.z)}; }

json distance_json(const plan::PointDistance& d) {
  return {{"mode", "distance"},          {"from", pt(d.a)},
          {"to", pt(d.b)},               {"distance_m", mm(d.distance_m)},
          {"horizontal_m", mm(d.horizontal_m)}, {"vertical_m", mm(d.vertical_m)}};
}

json depth_json(const plan::MeasureShape& link, const plan::LinkDepth& d) {
  return {{"mode", "depth"},
          {"link", link.id},
          {"utility", link.type},
          {"at", pt(d.at)},
          {"chainage_m", mm(d.chainage_m)},
          {"centre_depth_m", mm(d.centre_depth_m)},
          {"top_depth_m", mm(d.top_depth_m)},
          {"section_height_m", mm(2.0 * link.half_h)},
          {"min_cover_m", mm(d.min_cover_m)},
          {"min_cover_at", pt(d.min_cover_at)},
          {"max_cover_m", mm(d.max_cover_m)},
          {"max_cover_at", pt(d.max_cover_at)}};
}

json clearance_json(const plan::MeasureShape& a, const plan::MeasureShape& b,
                    const plan::Clearance& c) {
  json j = {{"mode", "clearance"},
            {"a", a.id},
            {"b", b.id},
            {"distance_3d_m", mm(c.distance_3d_m)},
            {"closest_3d", json::array({pt(c.a_3d), pt(c.b_3d)})},
            {"horizontal_m", mm(c.horizontal_m)},
            {"closest_horizontal", json::array({pt(c.a_h), pt(c.b_h)})},
            {"crossing", c.crossing}};
  if (c.crossing) {
    j["vertical_m"] = mm(c.vertical_m);
    j["crossing_at"] = pt(c.crossing_at);
  }
  if (c.rule) {
    j["rule"] = {{"id", c.rule->id},           {"kind", kind_name(c.rule->kind)},
                 {"required_m", mm(c.required_m)}, {"actual_m", mm(c.actual_m)},
                 {"verified", c.rule->verified}, {"source", c.rule->source},
                 {"pass", c.pass}};
  } else {
    j["rule"] = nullptr;
  }
  return j;
}

Result<plan::MeasureShape> shape_by_id(const Scene& scene, const std::vector<Network>& networks,
                                       const std::string& id) {
  for (const Network& net : networks)
    for (const NetLink& l : net.links)
      if (l.id == id) return plan::link_shape(net, l);
  for (const Network& net : networks)
    for (const NetNode& n : net.nodes)
      if (n.id == id) return plan::node_shape(net, n);
  for (const Building& b : scene.buildings)
    if (b.id == id) return plan::building_shape(b);
  return Error{"unknown element '" + id + "' (not a link, node or building of " + scene.dir + ")"};
}

bool shape_of_element(const PlanView& pv, int element, plan::MeasureShape& out) {
  if (element < 0 || std::uint32_t(element) >= pv.element_count()) return false;
  int local = 0;
  const SceneWorld& w = pv.world_of(element, local);
  const ElementRef& e = w.elements[size_t(local)];
  switch (e.kind) {
    case ElementRef::Kind::kLink: {
      const Network& net = element_network(pv.scene(), w, e);
      out = plan::link_shape(net, net.links[size_t(e.index)]);
      return true;
    }
    case ElementRef::Kind::kNode: {
      const Network& net = element_network(pv.scene(), w, e);
      out = plan::node_shape(net, net.nodes[size_t(e.index)]);
      return true;
    }
    case ElementRef::Kind::kBuilding:
      out = plan::building_shape(pv.scene().buildings[size_t(e.index)]);
      return true;
    default:
      return false;
  }
}

}  // namespace et::app
