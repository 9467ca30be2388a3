// Mesh builder and OBJ/MTL text. Output depends only on the faces added, in order, so the
// generator's files are byte-identical from run to run (no hashing order leaks into text).
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "mesh.h"

namespace et::gen {

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  // "-0.000" would make equal vertices print differently; it is zero.
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

void MeshBuilder::define_material(const std::string& name, const Vec3& srgb) {
  for (const Material& m : materials_) {
    if (m.name == name) throw std::logic_error("material defined twice: " + name);
  }
  materials_.push_back({name, srgb});
}

void MeshBuilder::use_material(const std::string& name) {
  for (std::size_t i = 0; i < materials_.size(); ++i) {
    if (materials_[i].name == name) {
      current_ = static_cast<int>(i);
      return;
    }
  }
  // A programming error in the generator, never a user input problem.
  throw std::logic_error("undefined material: " + name);
}

int MeshBuilder::vertex_index(const Vec3& p) {
  std::string key = fixed(p.x, 3) + " " + fixed(p.y, 3) + " " + fixed(p.z, 3);
  auto [it, inserted] = vertex_ids_.try_emplace(key, static_cast<int>(vertices_.size()) + 1);
  if (inserted) vertices_.push_back(key);
  return it->second;
}

int MeshBuilder::normal_index(const Vec3& n) {
  std::string key = fixed(n.x, 4) + " " + fixed(n.y, 4) + " " + fixed(n.z, 4);
  auto [it, inserted] = normal_ids_.try_emplace(key, static_cast<int>(normals_.size()) + 1);
  if (inserted) normals_.push_back(key);
  return it->second;
}

void MeshBuilder::polygon(const Vec3* p, int count) {
  if (current_ < 0) throw std::logic_error("face added before use_material");
  // Newell's method: robust for planar quads, and its sign follows the winding.
  Vec3 n(0.0);
  for (int i = 0; i < count; ++i) {
    const Vec3& a = p[i];
    const Vec3& b = p[(i + 1) % count];
    n.x += (a.y - b.y) * (a.z + b.z);
    n.y += (a.z - b.z) * (a.x + b.x);
    n.z += (a.x - b.x) * (a.y + b.y);
  }
  double len = glm::length(n);
  if (len < 1e-9) return;
  Face f{current_, normal_index(n / len), count, {0, 0, 0, 0}};
  for (int i = 0; i < count; ++i) f.v[i] = vertex_index(p[i]);
  faces_.push_back(f);
  triangles_ += static_cast<std::size_t>(count - 2);
}

void MeshBuilder::triangle(const Vec3& a, const Vec3& b, const Vec3& c) {
  Vec3 p[3] = {a, b, c};
  polygon(p, 3);
}

void MeshBuilder::quad(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& d) {
  Vec3 p[4] = {a, b, c, d};
  polygon(p, 4);
}

void MeshBuilder::box(const Vec3& lo, const Vec3& hi, unsigned faces, bool inward) {
  auto face = [&](const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& d) {
    if (inward) {
      quad(d, c, b, a);
    } else {
      quad(a, b, c, d);
    }
  };
  const double x0 = lo.x, y0 = lo.y, z0 = lo.z, x1 = hi.x, y1 = hi.y, z1 = hi.z;
  if (faces & kXMinus) face({x0, y1, z0}, {x0, y0, z0}, {x0, y0, z1}, {x0, y1, z1});
  if (faces & kXPlus) face({x1, y0, z0}, {x1, y1, z0}, {x1, y1, z1}, {x1, y0, z1});
  if (faces & kYMinus) face({x0, y0, z0}, {x1, y0, z0}, {x1, y0, z1}, {x0, y0, z1});
  if (faces & kYPlus) face({x1, y1, z0}, {x0, y1, z0}, {x0, y1, z1}, {x1, y1, z1});
  if (faces & kZMinus) face({x0, y0, z0}, {x0, y1, z0}, {x1, y1, z0}, {x1, y0, z0});
  if (faces & kZPlus) face({x0, y0, z1}, {x1, y0, z1}, {x1, y1, z1}, {x0, y1, z1});
}

void MeshBuilder::ring(const glm::dvec2& inner, const glm::dvec2& outer, double z, bool up) {
  const double ix = inner.x, iy = inner.y, ox = outer.x, oy = outer.y;
  auto face = [&](const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& d) {
    if (up) {
      quad(a, b, c, d);
    } else {
      quad(d, c, b, a);
    }
  };
  face({-ox, -oy, z}, {ox, -oy, z}, {ix, -iy, z}, {-ix, -iy, z});
  face({ox, -oy, z}, {ox, oy, z}, {ix, iy, z}, {ix, -iy, z});
  face({ox, oy, z}, {-ox, oy, z}, {-ix, iy, z}, {ix, iy, z});
  face({-ox, oy, z}, {-ox, -oy, z}, {-ix, -iy, z}, {-ix, iy, z});
}

std::string MeshBuilder::obj_text(const std::string& object_name,
                                  const std::string& mtl_file) const {
  std::string out;
  out.reserve(vertices_.size() * 32 + faces_.size() * 40 + 256);
  out += "# EstateTwin generated model: " + object_name + "\n";
  out += "# Z-up, metres; " + std::to_string(triangles_) + " triangles\n";
  out += "mtllib " + mtl_file + "\n";
  out += "o " + object_name + "\n";
  for (const std::string& v : vertices_) out += "v " + v + "\n";
  for (const std::string& n : normals_) out += "vn " + n + "\n";
  // One usemtl group per material (in definition order) keeps importers' mesh count low.
  for (std::size_t m = 0; m < materials_.size(); ++m) {
    bool any = false;
    for (const Face& f : faces_) {
      if (f.material != static_cast<int>(m)) continue;
      if (!any) out += "usemtl " + materials_[m].name + "\n";
      any = true;
      out += "f";
      for (int i = 0; i < f.count; ++i) {
        // Appended piecewise: `" " + std::to_string(...)` trips GCC 12's -Wrestrict.
        out += ' ';
        out += std::to_string(f.v[i]);
        out += "//";
        out += std::to_string(f.normal);
      }
      out += "\n";
    }
  }
  return out;
}

std::string MeshBuilder::mtl_text() const {
  std::string out = "# EstateTwin generated materials (Kd is sRGB)\n";
  for (const Material& m : materials_) {
    out += "newmtl " + m.name + "\n";
    out += "Ka 0.000 0.000 0.000\n";
    out += "Kd " + fixed(m.srgb.r, 3) + " " + fixed(m.srgb.g, 3) + " " + fixed(m.srgb.b, 3) + "\n";
    out += "Ks 0.000 0.000 0.000\n";
    out += "d 1.000\n";
    out += "illum 1\n";
  }
  return out;
}

Facade south_facade(double hy) { return {{0, -hy, 0}, {1, 0, 0}, {0, -1, 0}}; }
Facade north_facade(double hy) { return {{0, hy, 0}, {-1, 0, 0}, {0, 1, 0}}; }
Facade east_facade(double hx) { return {{hx, 0, 0}, {0, 1, 0}, {1, 0, 0}}; }
Facade west_facade(double hx) { return {{-hx, 0, 0}, {0, -1, 0}, {-1, 0, 0}}; }

void facade_rect(MeshBuilder& mesh, const Facade& f, double s0, double s1, double z0, double z1,
                 double o) {
  mesh.quad(f.at(s0, z0, o), f.at(s1, z0, o), f.at(s1, z1, o), f.at(s0, z1, o));
}

namespace {
// The BoxFace whose outward direction is `dir` (an axis-aligned unit vector).
unsigned world_face(const Vec3& dir) {
  if (dir.x > 0.5) return kXPlus;
  if (dir.x < -0.5) return kXMinus;
  if (dir.y > 0.5) return kYPlus;
  if (dir.y < -0.5) return kYMinus;
  return dir.z > 0 ? kZPlus : kZMinus;
}
}  // namespace

void facade_box(MeshBuilder& mesh, const Facade& f, double s0, double s1, double z0, double z1,
                double o0, double o1, unsigned faces) {
  Vec3 a = f.at(s0, z0, o0), b = f.at(s1, z1, o1);
  unsigned w = 0;
  if (faces & kOut) w |= world_face(f.out);
  if (faces & kLeft) w |= world_face(-f.right);
  if (faces & kRight) w |= world_face(f.right);
  if (faces & kTop) w |= kZPlus;
  if (faces & kBottom) w |= kZMinus;
  mesh.box(glm::min(a, b), glm::max(a, b), w);
}

}  // namespace et::gen
