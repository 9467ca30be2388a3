// Networks -> instances at true size and depth: each link segment is one instanced
// cylinder (round sections) or box (rectangular), with a sphere at each bend; manholes
// and wells are shafts from their depth up to the surface (their covers show in the
// street); fittings are small boxes; drop lines join buried vertices to the surface.
#include <algorithm>
#include <cmath>

#include "et/app/overlay.h"
#include "et/app/world_builder.h"
#include "primitives.h"

namespace et::app {
namespace {


constexpr double kGroundCoverLift = 0.03;  // shaft tops sit just above the ground surface

render::Instance instance(std::uint32_t mesh, const glm::mat4& m, std::uint32_t element,
                          Layer layer) {
  render::Instance in;
  in.mesh = mesh;
  in.model = m;
  in.element = element;
  in.layer = static_cast<std::uint32_t>(layer);
  return in;
}

// Axis elevation where a node meets its links: the nearest link end, else its depth.
double node_axis_z(const Network& net, int node) {
  for (const NetLink& l : net.links) {
    if (l.path.empty()) continue;
    if (l.from == node) return l.path.front().z;
    if (l.to == node) return l.path.back().z;
  }
  return net.nodes[size_t(node)].position.z - net.nodes[size_t(node)].depth_m;
}

double bend_deg(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c) {
  glm::dvec3 u = b - a, v = c - b;
  double lu = glm::length(u), lv = glm::length(v);
  if (lu < 1e-9 || lv < 1e-9) return 0.0;
  return glm::degrees(std::acos(std::clamp(glm::dot(u, v) / (lu * lv), -1.0, 1.0)));
}

double node_radius(const Network& net, int node) {
  double r = 0.05;
  for (const NetLink& l : net.links)
    if (l.from == node || l.to == node)
      r = std::max(r, 0.5 * std::max(l.section_width_m(), l.section_height_m()));
  return r;
}

}  // namespace

void add_link_instances(const NetLink& l, Layer layer, std::uint32_t element,
                        double section_scale, SceneWorld& sw) {
  const PrimitiveMeshes& pm = sw.primitives;
  auto& instances = sw.world.instances;
  const bool round = l.width_mm <= 0.0;
  const double w = std::max(l.section_width_m(), 0.02) * section_scale,
               h = std::max(l.section_height_m(), 0.02) * section_scale;
  for (size_t k = 0; k + 1 < l.path.size(); ++k) {
    glm::mat4 m = round ? segment_transform(l.path[k], l.path[k + 1], w / 2, h / 2)
                        : segment_transform(l.path[k], l.path[k + 1], w, h);
    instances.push_back(instance(round ? pm.cylinder : pm.box, m, element, layer));
    instances.back().min_width = true;
    // A joint hides the gap at a bend; straight-through vertices need none.
    if (k > 0 && bend_deg(l.path[k - 1], l.path[k], l.path[k + 1]) > 10.0) {
      glm::mat4 j(1.0f);
      j[0][0] = j[1][1] = j[2][2] = float(std::max(w, h) / 2);
      j[3] = glm::vec4(glm::vec3(l.path[k]), 1.0f);
      instances.push_back(instance(pm.sphere, j, element, layer));
    }
  }
  // Drop lines: from each buried end up to the surface, for reading depths.
  if (l.path.empty()) return;
  for (const glm::dvec3& p : {l.path.front(), l.path.back()}) {
    if (p.z >= 0.0) continue;
    glm::mat4 m = segment_transform(p, glm::dvec3(p.x, p.y, 0.0), 0.03, 0.03);
    instances.push_back(instance(pm.box, m, element, Layer::kDropLines));
  }
}

void add_networks(SceneWorld& sw) {
  const PrimitiveMeshes& pm = sw.primitives;
  auto& instances = sw.world.instances;
  for (size_t ni = 0; ni < sw.networks.size(); ++ni) {
    const Network& net = sw.networks[ni];
    const Layer layer = utility_layer(net.utility);
    for (size_t li = 0; li < net.links.size(); ++li) {
      const std::uint32_t element = std::uint32_t(sw.elements.size());
      sw.elements.push_back({ElementRef::Kind::kLink, int(li), int(ni)});
      add_link_instances(net.links[li], layer, element, 1.0, sw);
    }
    for (size_t k = 0; k < net.nodes.size(); ++k) {
      const NetNode& n = net.nodes[k];
      const std::uint32_t element = std::uint32_t(sw.elements.size());
      sw.elements.push_back({ElementRef::Kind::kNode, int(k), int(ni)});
      const double axis = node_axis_z(net, int(k));
      const glm::dvec3 at(n.position.x, n.position.y, axis);
      const double r = node_radius(net, int(k));
      switch (n.kind) {
        case NodeKind::kManhole:
        case NodeKind::kInspectionWell: {
          double shaft_r = n.kind == NodeKind::kManhole ? 0.5 : 0.25;
          double bottom = std::min(n.position.z - std::max(n.depth_m, 0.3), axis - r);
          glm::mat4 m = segment_transform(glm::dvec3(n.position.x, n.position.y, bottom),
                                          glm::dvec3(n.position.x, n.position.y,
                                                     n.position.z + kGroundCoverLift),
                                          shaft_r, shaft_r);
          instances.push_back(instance(pm.shaft, m, element, layer));
          break;
        }
        case NodeKind::kHydrant: {  // a standpipe up from the main to 0.8 m above ground
          glm::mat4 m = segment_transform(at, glm::dvec3(at.x, at.y, n.position.z + 0.8), 0.1, 0.1);
          instances.push_back(instance(pm.shaft, m, element, layer));
          break;
        }
        case NodeKind::kJunction: {
          glm::mat4 j(1.0f);
          j[0][0] = j[1][1] = j[2][2] = float(r);
          j[3] = glm::vec4(glm::vec3(at), 1.0f);
          instances.push_back(instance(pm.sphere, j, element, layer));
          break;
        }
        default: {  // valves, meters, connections, boxes: a fitting a little larger than the line
          double s = std::max(0.25, r * 2.6);
          glm::mat4 m = segment_transform(at - glm::dvec3(s / 2, 0, 0), at + glm::dvec3(s / 2, 0, 0), s, s);
          instances.push_back(instance(pm.box, m, element, layer));
          break;
        }
      }
    }
  }
}

std::vector<render::Instance> excavation_instances(const SceneWorld& sw, const Excavation& e) {
  if (!e.enabled) return {};
  glm::dvec3 size = e.max - e.min;
  glm::dmat4 m(1.0);
  m[0][0] = size.x;
  m[1][1] = size.y;
  m[2][2] = std::max(0.0 - e.min.z, 0.1);  // from the surface down to the floor
  m[3] = glm::dvec4(e.min.x, e.min.y, 0.0, 1.0);
  render::Instance in;
  in.mesh = sw.primitives.pit;
  in.model = glm::mat4(m);
  in.element = kPitElement;
  in.layer = static_cast<std::uint32_t>(Layer::kGround);
  return {in};
}

std::vector<render::Instance> flow_arrows(const Scene& /*scene*/, const SceneWorld& sw,
                                          const std::map<std::string, double>& velocity,
                                          double anim_s, double speedup, size_t max_arrows) {
  constexpr double kSpacing = 4.0;  // metres between arrows along a link
  std::vector<render::Instance> out;
  for (const Network& net : sw.networks) {
    const Layer layer = utility_layer(net.utility);
    for (const NetLink& l : net.links) {
      auto it = velocity.find(value_key(net.utility, l.id));
      if (it == velocity.end() || std::abs(it->second) < 1e-3 || l.path.size() < 2) continue;
      const double v = it->second;
      const double size = std::max(0.12, 0.9 * l.section_height_m());
      // Distance travelled, wrapped to the spacing: arrows enter at one end as they leave.
      double phase = std::fmod(std::abs(v) * speedup * anim_s, kSpacing);
      double length = 0.0;
      for (size_t k = 0; k + 1 < l.path.size(); ++k) length += glm::length(l.path[k + 1] - l.path[k]);
      for (double s = phase; s < length; s += kSpacing) {
        if (out.size() >= max_arrows) return out;
        double along = v > 0 ? s : length - s;  // against the path when the flow is negative
        // Walk the path to `along`.
        double acc = 0.0;
        for (size_t k = 0; k + 1 < l.path.size(); ++k) {
          double seg = glm::length(l.path[k + 1] - l.path[k]);
          if (acc + seg >= along || k + 2 == l.path.size()) {
            glm::dvec3 dir = (l.path[k + 1] - l.path[k]) / std::max(seg, 1e-9);
            if (v < 0) dir = -dir;
            glm::dvec3 p = l.path[k] + (l.path[k + 1] - l.path[k]) * std::clamp((along - acc) / std::max(seg, 1e-9), 0.0, 1.0);
            render::Instance in;
            in.mesh = sw.primitives.box;
            in.model = segment_transform(p - dir * (size * 1.5), p, size * 0.5, size * 1.15);
            in.element = kFlowArrowElement;
            in.layer = static_cast<std::uint32_t>(layer);
            out.push_back(in);
            break;
          }
          acc += seg;
        }
      }
    }
  }
  return out;
}

}  // namespace et::app
