#include "et/app/world_builder.h"

#include <algorithm>

#include <glm/gtc/matrix_transform.hpp>

#include "primitives.h"

namespace et::app {

render::MeshData to_mesh_data(const Mesh& mesh) {
  render::MeshData out;
  out.vertices.resize(mesh.positions.size());
  for (size_t i = 0; i < mesh.positions.size(); ++i)
    out.vertices[i] = {mesh.positions[i], mesh.normals[i], mesh.colors[i]};
  out.indices = mesh.indices;
  return out;
}

namespace {

render::MeshData flat_ground(const Ground& g) {
  render::MeshData m;
  auto c = [](double v) { return std::uint8_t(std::clamp(v, 0.0, 1.0) * 255.0 + 0.5); };
  std::uint32_t color = pack_rgba(c(g.color.r), c(g.color.g), c(g.color.b));
  glm::vec3 up(0, 0, 1);
  float x0 = float(g.extent.x), y0 = float(g.extent.y), x1 = float(g.extent.z),
        y1 = float(g.extent.w);
  m.vertices = {{{x0, y0, 0}, up, color},
                {{x1, y0, 0}, up, color},
                {{x1, y1, 0}, up, color},
                {{x0, y1, 0}, up, color}};
  m.indices = {0, 1, 2, 0, 2, 3};
  return m;
}

}  // namespace

SceneWorld build_world(const Scene& scene) { return build_world(scene, scene.networks); }

const Network& element_network(const Scene& scene, const SceneWorld& sw, const ElementRef& e) {
  return e.removed ? scene.networks[size_t(e.network)] : sw.networks[size_t(e.network)];
}

SceneWorld build_world(const Scene& scene, std::vector<Network> networks) {
  SceneWorld sw;
  sw.networks = std::move(networks);
  for (const Model& model : scene.models) sw.world.meshes.push_back(to_mesh_data(model.mesh));
  auto add_mesh = [&](render::MeshData m) {
    sw.world.meshes.push_back(std::move(m));
    return std::uint32_t(sw.world.meshes.size() - 1);
  };
  // Few facets: a pipe is a few pixels wide in most views, and an estate has thousands of
  // segments (the triangle count is what costs on a software rasteriser).
  sw.primitives.cylinder = add_mesh(make_cylinder(8, false));
  sw.primitives.shaft = add_mesh(make_cylinder(12, true));
  sw.primitives.box = add_mesh(make_box());
  sw.primitives.sphere = add_mesh(make_sphere(4, 8));
  sw.primitives.pit = add_mesh(make_pit());

  // Ground: the scene's ground model, or a flat plane over its extent.
  std::uint32_t ground_mesh = 0;
  if (scene.ground.model >= 0) {
    ground_mesh = std::uint32_t(scene.ground.model);
  } else {
    ground_mesh = std::uint32_t(sw.world.meshes.size());
    sw.world.meshes.push_back(flat_ground(scene.ground));
  }
  sw.elements.push_back({ElementRef::Kind::kGround, 0});
  sw.elements.push_back({ElementRef::Kind::kOverlay, 0});  // the excavation pit
  sw.elements.push_back({ElementRef::Kind::kOverlay, 1});  // the subsoil backdrop
  sw.elements.push_back({ElementRef::Kind::kOverlay, 2});  // flow arrows

  // A block of earth under the site, 12 m deep, well below the deepest lines: seen through
  // a translucent ground it gives buried networks a backdrop that reads as soil instead of
  // the sky showing through, and from outside the site it reads as a block diagram.
  {
    glm::dvec4 e = scene.ground.extent;
    glm::dmat4 m(1.0);
    m[0][0] = e.z - e.x;
    m[1][1] = e.w - e.y;
    m[2][2] = 12.0;
    m[3] = glm::dvec4(e.x, e.y, 0.0, 1.0);
    render::Instance s;
    s.mesh = add_mesh(make_soil_block());
    s.model = glm::mat4(m);
    s.element = 2;
    s.layer = static_cast<std::uint32_t>(Layer::kGround);
    sw.world.instances.push_back(s);
  }
  render::Instance ground;
  ground.mesh = ground_mesh;
  ground.element = 0;
  ground.layer = static_cast<std::uint32_t>(Layer::kGround);
  ground.pass = render::Pass::kGround;
  sw.world.instances.push_back(ground);

  for (size_t i = 0; i < scene.buildings.size(); ++i) {
    const Building& b = scene.buildings[i];
    render::Instance inst;
    inst.mesh = std::uint32_t(b.model);
    glm::dmat4 m = glm::translate(glm::dmat4(1.0), b.position);
    m = glm::rotate(m, glm::radians(b.heading_deg), glm::dvec3(0, 0, 1));
    inst.model = glm::mat4(m);
    inst.element = std::uint32_t(sw.elements.size());
    inst.layer = static_cast<std::uint32_t>(Layer::kBuildings);
    sw.elements.push_back({ElementRef::Kind::kBuilding, int(i)});
    sw.world.instances.push_back(inst);
  }
  add_networks(sw);
  sw.world.elements = element_colors(scene, sw, Palette::kCjj61);

  glm::dvec4 e = scene.ground.extent;
  double diag = glm::length(glm::dvec2(e.z - e.x, e.w - e.y));
  sw.far_m = std::max(2000.0, diag * 3.0);
  return sw;
}

std::vector<render::Element> element_colors(const Scene& scene, const SceneWorld& sw,
                                            Palette palette) {
  std::vector<render::Element> out(sw.elements.size());
  for (size_t i = 0; i < sw.elements.size(); ++i) {
    const ElementRef& e = sw.elements[i];
    if (e.kind == ElementRef::Kind::kTrench && sw.plan) {
      // Open cuts read as dug earth; a finished utility tunnel as bare concrete.
      out[i].tint = glm::vec4(srgb_to_linear(e.built ? glm::u8vec3(88, 88, 92)
                                                    : glm::u8vec3(186, 112, 48)), 1.0f);
      continue;
    }
    if (e.kind != ElementRef::Kind::kLink && e.kind != ElementRef::Kind::kNode) continue;
    const Network& net = element_network(scene, sw, e);
    std::string subtype;
    bool abandoned = false;
    if (e.kind == ElementRef::Kind::kLink) {
      subtype = net.links[size_t(e.index)].subtype;
      abandoned = net.links[size_t(e.index)].state == LinkState::kAbandoned;
    }
    glm::vec3 c = srgb_to_linear(utility_color(palette, net.utility, subtype));
    if (abandoned) c = glm::mix(c, glm::vec3(0.05f), 0.7f);  // dark: out of service
    out[i].tint = glm::vec4(c, 1.0f);
  }
  return out;
}

}  // namespace et::app
