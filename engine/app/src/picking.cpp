#include "et/app/picking.h"

#include <cmath>
#include <limits>

#include "et/app/camera.h"
#include "et/app/frame_setup.h"

namespace et::app {
namespace {

// Slab test; returns false when the ray misses the box before `t_max`.
bool ray_box(const glm::dvec3& o, const glm::dvec3& d, const glm::vec3& lo, const glm::vec3& hi,
             double t_max) {
  double t0 = 0.0, t1 = t_max;
  for (int i = 0; i < 3; ++i) {
    double inv = 1.0 / d[i];
    double a = (double(lo[i]) - o[i]) * inv, b = (double(hi[i]) - o[i]) * inv;
    if (a > b) std::swap(a, b);
    t0 = std::max(t0, a);
    t1 = std::min(t1, b);
    if (t0 > t1) return false;
  }
  return true;
}

// Moller-Trumbore; t along the (unnormalised) ray.
bool ray_triangle(const glm::dvec3& o, const glm::dvec3& d, const glm::dvec3& a,
                  const glm::dvec3& b, const glm::dvec3& c, double& t) {
  glm::dvec3 e1 = b - a, e2 = c - a, p = glm::cross(d, e2);
  double det = glm::dot(e1, p);
  if (std::abs(det) < 1e-14) return false;
  double inv = 1.0 / det;
  glm::dvec3 s = o - a;
  double u = glm::dot(s, p) * inv;
  if (u < 0.0 || u > 1.0) return false;
  glm::dvec3 q = glm::cross(s, e1);
  double v = glm::dot(d, q) * inv;
  if (v < 0.0 || u + v > 1.0) return false;
  t = glm::dot(e2, q) * inv;
  return t > 1e-9;
}

}  // namespace

Picker::Picker(const SceneWorld& sw) : sw_(sw) {
  for (const render::MeshData& m : sw.world.meshes) {
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
    for (const render::Vertex& v : m.vertices) {
      lo = glm::min(lo, v.position);
      hi = glm::max(hi, v.position);
    }
    mesh_min_.push_back(lo - glm::vec3(1e-3f));
    mesh_max_.push_back(hi + glm::vec3(1e-3f));
  }
}

PickHit Picker::pick(const ViewState& v, int width, int height, double px, double py) const {
  render::FrameParams f = frame_params(v, width, height, sw_.far_m);
  glm::dmat4 inv = glm::inverse(glm::dmat4(f.proj) * glm::dmat4(f.view));
  double nx = (px + 0.5) / width * 2.0 - 1.0, ny = (py + 0.5) / height * 2.0 - 1.0;
  glm::dvec4 a = inv * glm::dvec4(nx, ny, 0.0, 1.0), b = inv * glm::dvec4(nx, ny, 1.0, 1.0);
  glm::dvec3 origin = glm::dvec3(a) / a.w, end = glm::dvec3(b) / b.w;
  glm::dvec3 dir = end - origin;  // t in [0, 1] spans near to far

  // The ground only stops the ray where it is drawn mostly opaque and not cut away.
  const bool ground_solid = f.ground_opacity >= 0.5f && !f.xray;
  const bool removed_shown = v.overlay == "diff";  // removed links are drawn only then
  PickHit best;
  double best_t = 1.0;
  for (const render::Instance& in : sw_.world.instances) {
    if (!(f.layer_mask & (1u << in.layer))) continue;
    if (in.pass == render::Pass::kGround && !ground_solid) continue;
    const ElementRef& e = sw_.elements[in.element];
    if (e.kind == ElementRef::Kind::kOverlay) continue;  // pit, subsoil
    if (e.removed && !removed_shown) continue;
    glm::dmat4 model(in.model);
    if (in.min_width) {  // widened on screen as the vertex shader does (mesh.vert)
      glm::dvec3 mid = glm::dvec3(model * glm::dvec4(0.5, 0.0, 0.0, 1.0));
      double r = std::max(glm::length(glm::dvec3(model[1])), 1e-4);
      double widen = std::max(1.0, double(f.min_line_angle) * glm::length(mid - origin) / r);
      model[1] *= widen;
      model[2] *= widen;
    }
    glm::dmat4 to_model = glm::inverse(model);
    glm::dvec3 o = glm::dvec3(to_model * glm::dvec4(origin, 1.0));
    glm::dvec3 d = glm::dvec3(to_model * glm::dvec4(dir, 0.0));
    if (!ray_box(o, d, mesh_min_[in.mesh], mesh_max_[in.mesh], best_t)) continue;
    const render::MeshData& m = sw_.world.meshes[in.mesh];
    for (size_t k = 0; k + 2 < m.indices.size(); k += 3) {
      double t;
      if (!ray_triangle(o, d, m.vertices[m.indices[k]].position,
                        m.vertices[m.indices[k + 1]].position,
                        m.vertices[m.indices[k + 2]].position, t) ||
          t >= best_t)
        continue;
      glm::dvec3 p = origin + dir * t;
      if (in.pass == render::Pass::kGround && f.excavation && p.x > f.excavation_min.x &&
          p.x < f.excavation_max.x && p.y > f.excavation_min.y && p.y < f.excavation_max.y)
        continue;  // the hole in the ground
      if (glm::dot(glm::dvec3(v.section.normal), p - v.section.point) > 0.0 && v.section.enabled)
        continue;  // cut away by the section plane: not drawn, so not picked
      best_t = t;
      best.element = int(in.element);
      best.point = p;
    }
  }
  if (best.element >= 0) best.distance_m = glm::length(best.point - origin);
  return best;
}

namespace {

void put(nlohmann::json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}
void put(nlohmann::json& j, const char* key, double v) {
  if (v != 0.0) j[key] = std::round(v * 1000.0) / 1000.0;
}

}  // namespace

nlohmann::json describe_element(const Scene& scene, const SceneWorld& sw, int element) {
  nlohmann::json j;
  if (element < 0 || size_t(element) >= sw.elements.size()) {
    j["kind"] = "none";
    j["attributes"] = nlohmann::json::object();
    return j;
  }
  const ElementRef& e = sw.elements[size_t(element)];
  nlohmann::json at = nlohmann::json::object();
  switch (e.kind) {
    case ElementRef::Kind::kGround: j["kind"] = "ground"; j["id"] = "ground"; break;
    case ElementRef::Kind::kOverlay: j["kind"] = "excavation"; j["id"] = "excavation"; break;
    case ElementRef::Kind::kBuilding: {
      const Building& b = scene.buildings[size_t(e.index)];
      j["kind"] = "building";
      j["id"] = b.id;
      at["name"] = b.name;
      at["building_kind"] = b.kind;
      at["model"] = scene.models[size_t(b.model)].id;
      at["floors"] = b.floors;
      at["households"] = b.households;
      if (b.year) at["year"] = b.year;
      put(at, "height_m", b.height_m);
      at["position"] = {b.position.x, b.position.y, b.position.z};
      break;
    }
    case ElementRef::Kind::kTrench: {
      const plan::Trench& t = sw.plan->trenches[size_t(e.index)];
      const bool tunnel = t.kind == plan::TrenchKind::kTunnel;
      j["kind"] = tunnel ? "tunnel" : "trench";
      j["id"] = t.id;
      at["plan"] = sw.plan->id;
      at["state"] = e.built ? "built" : tunnel ? "under construction" : "open";
      put(at, "width_m", t.width_m);
      put(at, "depth_m", t.depth_m);
      at["length_m"] = std::round(t.length_m() * 100.0) / 100.0;
      break;
    }
    case ElementRef::Kind::kLink: {
      const Network& net = element_network(scene, sw, e);
      const NetLink& l = net.links[size_t(e.index)];
      j["kind"] = "link";
      j["id"] = l.id;
      at["utility"] = utility_name(net.utility);
      at["link_kind"] = link_kind_name(l.kind);
      if (l.from >= 0) at["from"] = net.nodes[size_t(l.from)].id;
      if (l.to >= 0) at["to"] = net.nodes[size_t(l.to)].id;
      put(at, "diameter_mm", l.diameter_mm);
      put(at, "width_mm", l.width_mm);
      put(at, "height_mm", l.height_mm);
      put(at, "material", l.material);
      at["cover_start_m"] = std::round(l.cover_start_m * 1000.0) / 1000.0;
      at["cover_end_m"] = std::round(l.cover_end_m * 1000.0) / 1000.0;
      at["length_m"] = std::round(l.length_m() * 100.0) / 100.0;
      if (l.install_year) at["install_year"] = l.install_year;
      put(at, "owner", l.owner);
      put(at, "condition", l.condition);
      at["state"] = link_state_name(l.state);
      put(at, "subtype", l.subtype);
      put(at, "pressure_class", l.pressure_class);
      put(at, "voltage_kv", l.voltage_kv);
      if (l.cable_count) at["cable_count"] = l.cable_count;
      if (l.fibre_count) at["fibre_count"] = l.fibre_count;
      if (l.duct_count) at["duct_count"] = l.duct_count;
      for (const auto& [k, v] : l.attributes) at[k] = v;
      at["file"] = net.file;
      if (sw.plan) {
        at["plan"] = sw.plan->id;
        at["change"] = plan::change_name(e.change);
      }
      break;
    }
    case ElementRef::Kind::kNode: {
      const Network& net = element_network(scene, sw, e);
      const NetNode& n = net.nodes[size_t(e.index)];
      j["kind"] = "node";
      j["id"] = n.id;
      at["utility"] = utility_name(net.utility);
      at["node_kind"] = node_kind_name(n.kind);
      at["position"] = {n.position.x, n.position.y, n.position.z};
      put(at, "depth_m", n.depth_m);
      put(at, "owner", n.owner);
      if (n.install_year) at["install_year"] = n.install_year;
      put(at, "condition", n.condition);
      put(at, "building", n.building);
      for (const auto& [k, v] : n.attributes) at[k] = v;
      at["file"] = net.file;
      break;
    }
  }
  j["attributes"] = at;
  return j;
}

}  // namespace et::app
