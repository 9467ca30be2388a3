// Unit meshes that networks and overlays instance: a cylinder and a box along +x, a sphere,
// and the excavation pit (a box open at the top, faces pointing inwards).
#include <cmath>

#include "primitives.h"

#include "et/scene/mesh.h"

namespace et::app {
namespace {

constexpr float kPi = 3.14159265358979f;
constexpr std::uint32_t kWhite = 0xffffffffu;  // instances take their colour from the tint

void quad(render::MeshData& m, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 n,
          std::uint32_t color = kWhite) {
  std::uint32_t base = std::uint32_t(m.vertices.size());
  for (glm::vec3 p : {a, b, c, d}) m.vertices.push_back({p, n, color});
  for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) m.indices.push_back(base + i);
}

}  // namespace

render::MeshData make_cylinder(int sides, bool caps) {
  render::MeshData m;
  for (int i = 0; i <= sides; ++i) {
    float a = 2.0f * kPi * float(i) / float(sides);
    glm::vec3 n(0.0f, std::cos(a), std::sin(a));
    m.vertices.push_back({glm::vec3(0.0f, n.y, n.z), n, kWhite});
    m.vertices.push_back({glm::vec3(1.0f, n.y, n.z), n, kWhite});
  }
  for (std::uint32_t i = 0; i < std::uint32_t(sides); ++i) {
    std::uint32_t a = 2 * i, b = a + 1, c = a + 2, d = a + 3;
    for (std::uint32_t k : {a, c, b, b, c, d}) m.indices.push_back(k);
  }
  for (float x : {0.0f, 1.0f}) {
    if (!caps) break;
    std::uint32_t centre = std::uint32_t(m.vertices.size());
    glm::vec3 n(x > 0.5f ? 1.0f : -1.0f, 0.0f, 0.0f);
    m.vertices.push_back({glm::vec3(x, 0, 0), n, kWhite});
    for (int i = 0; i <= sides; ++i) {
      float a = 2.0f * kPi * float(i) / float(sides);
      m.vertices.push_back({glm::vec3(x, std::cos(a), std::sin(a)), n, kWhite});
    }
    for (std::uint32_t i = 0; i < std::uint32_t(sides); ++i) {
      m.indices.push_back(centre);
      m.indices.push_back(centre + 1 + i);
      m.indices.push_back(centre + 2 + i);
    }
  }
  return m;
}

render::MeshData make_box() {
  render::MeshData m;
  const float y0 = -0.5f, y1 = 0.5f, z0 = -0.5f, z1 = 0.5f;
  quad(m, {0, y0, z1}, {1, y0, z1}, {1, y1, z1}, {0, y1, z1}, {0, 0, 1});
  quad(m, {0, y1, z0}, {1, y1, z0}, {1, y0, z0}, {0, y0, z0}, {0, 0, -1});
  quad(m, {0, y0, z0}, {1, y0, z0}, {1, y0, z1}, {0, y0, z1}, {0, -1, 0});
  quad(m, {1, y1, z0}, {0, y1, z0}, {0, y1, z1}, {1, y1, z1}, {0, 1, 0});
  quad(m, {0, y1, z0}, {0, y0, z0}, {0, y0, z1}, {0, y1, z1}, {-1, 0, 0});
  quad(m, {1, y0, z0}, {1, y1, z0}, {1, y1, z1}, {1, y0, z1}, {1, 0, 0});
  return m;
}

render::MeshData make_sphere(int rings, int sectors) {
  render::MeshData m;
  for (int r = 0; r <= rings; ++r) {
    float phi = kPi * float(r) / float(rings);
    for (int s = 0; s <= sectors; ++s) {
      float th = 2.0f * kPi * float(s) / float(sectors);
      glm::vec3 n(std::sin(phi) * std::cos(th), std::sin(phi) * std::sin(th), std::cos(phi));
      m.vertices.push_back({n, n, kWhite});
    }
  }
  for (int r = 0; r < rings; ++r)
    for (int s = 0; s < sectors; ++s) {
      std::uint32_t a = std::uint32_t(r * (sectors + 1) + s), b = a + std::uint32_t(sectors) + 1;
      for (std::uint32_t k : {a, b, a + 1, a + 1, b, b + 1}) m.indices.push_back(k);
    }
  return m;
}

render::MeshData make_pit() {
  // x, y from 0 to 1, z from -1 to 0; earth walls with a darker floor, facing inwards.
  render::MeshData m;
  const std::uint32_t wall = pack_rgba(122, 96, 66), floor = pack_rgba(92, 74, 52);
  quad(m, {0, 0, -1}, {0, 1, -1}, {1, 1, -1}, {1, 0, -1}, {0, 0, 1}, floor);
  quad(m, {0, 0, -1}, {1, 0, -1}, {1, 0, 0}, {0, 0, 0}, {0, 1, 0}, wall);
  quad(m, {1, 1, -1}, {0, 1, -1}, {0, 1, 0}, {1, 1, 0}, {0, -1, 0}, wall);
  quad(m, {0, 1, -1}, {0, 0, -1}, {0, 0, 0}, {0, 1, 0}, {1, 0, 0}, wall);
  quad(m, {1, 0, -1}, {1, 1, -1}, {1, 1, 0}, {1, 0, 0}, {-1, 0, 0}, wall);
  return m;
}

render::MeshData make_soil_block() {
  render::MeshData m;
  const std::uint32_t side = pack_rgba(74, 62, 50), bottom = pack_rgba(40, 34, 28);
  quad(m, {0, 0, -1}, {1, 0, -1}, {1, 1, -1}, {0, 1, -1}, {0, 0, 1}, bottom);
  quad(m, {0, 0, -1}, {1, 0, -1}, {1, 0, 0}, {0, 0, 0}, {0, -1, 0}, side);
  quad(m, {1, 1, -1}, {0, 1, -1}, {0, 1, 0}, {1, 1, 0}, {0, 1, 0}, side);
  quad(m, {0, 1, -1}, {0, 0, -1}, {0, 0, 0}, {0, 1, 0}, {-1, 0, 0}, side);
  quad(m, {1, 0, -1}, {1, 1, -1}, {1, 1, 0}, {1, 0, 0}, {1, 0, 0}, side);
  return m;
}

glm::mat4 segment_transform(const glm::dvec3& p0, const glm::dvec3& p1, double sy, double sz) {
  glm::dvec3 d = p1 - p0;
  double len = glm::length(d);
  glm::dvec3 x = len > 1e-9 ? d / len : glm::dvec3(1, 0, 0);
  glm::dvec3 up(0, 0, 1);
  glm::dvec3 y = glm::cross(up, x);
  if (glm::length(y) < 1e-6) y = glm::dvec3(0, 1, 0);  // vertical segment
  y = glm::normalize(y);
  glm::dvec3 z = glm::cross(x, y);
  glm::dmat4 m(1.0);
  m[0] = glm::dvec4(x * std::max(len, 1e-4), 0.0);
  m[1] = glm::dvec4(y * sy, 0.0);
  m[2] = glm::dvec4(z * sz, 0.0);
  m[3] = glm::dvec4(p0, 1.0);
  return glm::mat4(m);
}

}  // namespace et::app
