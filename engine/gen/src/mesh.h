// Tiny mesh builder for the generator: faces grouped by material, written as Z-up OBJ + MTL.
// Internal to et_gen. Vertices and normals are deduplicated by their printed text (mm for
// positions), so two faces that meet share the exact same vertex and the output is stable.
#pragma once

#include <cstddef>
#include <glm/glm.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace et::gen {

using Vec3 = glm::dvec3;

// Box faces, by outward direction in model coordinates.
enum BoxFace : unsigned {
  kXMinus = 1u << 0,
  kXPlus = 1u << 1,
  kYMinus = 1u << 2,
  kYPlus = 1u << 3,
  kZMinus = 1u << 4,
  kZPlus = 1u << 5,
  kSides = kXMinus | kXPlus | kYMinus | kYPlus,
  kAllFaces = kSides | kZMinus | kZPlus,
};

class MeshBuilder {
 public:
  // Materials are written to the MTL in definition order; colours are sRGB 0..1.
  void define_material(const std::string& name, const Vec3& srgb);
  // Subsequent faces use this (already defined) material.
  void use_material(const std::string& name);

  // Polygons are counter-clockwise seen from the side they face; the normal follows from
  // the winding, so a caller cannot get the two out of step. Degenerate faces are dropped.
  void triangle(const Vec3& a, const Vec3& b, const Vec3& c);
  void quad(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& d);
  // Axis-aligned box between lo and hi; `inward` flips the faces (for the inside of a
  // parapet, seen from the roof).
  void box(const Vec3& lo, const Vec3& hi, unsigned faces = kAllFaces, bool inward = false);
  // Flat rectangular ring at height z between the rectangles |x|<=inner, |y|<=inner and
  // |x|<=outer, |y|<=outer (both centred at the origin), facing up or down.
  void ring(const glm::dvec2& inner, const glm::dvec2& outer, double z, bool up);

  std::size_t triangle_count() const { return triangles_; }
  std::string obj_text(const std::string& object_name, const std::string& mtl_file) const;
  std::string mtl_text() const;

 private:
  struct Material {
    std::string name;
    Vec3 srgb;
  };
  struct Face {
    int material;
    int normal;
    int count;
    int v[4];
  };
  void polygon(const Vec3* p, int count);
  int vertex_index(const Vec3& p);
  int normal_index(const Vec3& n);

  std::vector<Material> materials_;
  int current_ = -1;
  std::vector<std::string> vertices_, normals_;
  std::unordered_map<std::string, int> vertex_ids_, normal_ids_;
  std::vector<Face> faces_;
  std::size_t triangles_ = 0;
};

// A vertical wall face of a model, as a 2-D frame: s runs along the wall to the right as
// seen from outside, z is height, o is distance out from the wall. All the facade detail
// (windows, balconies, doors) is placed in these terms, once for every side.
struct Facade {
  Vec3 origin;  // on the wall plane at ground level
  Vec3 right;   // unit, horizontal; right x up == out
  Vec3 out;     // unit outward normal of the wall

  Vec3 at(double s, double z, double o) const {
    return origin + right * s + out * o + Vec3(0, 0, z);
  }
};

// Facade of the axis-aligned rectangle |x|<=hx, |y|<=hy facing south/north/east/west.
Facade south_facade(double hy);
Facade north_facade(double hy);
Facade east_facade(double hx);
Facade west_facade(double hx);

// Faces of a box on a facade, named relative to the facade.
enum FacadeFace : unsigned {
  kOut = 1u << 0,
  kLeft = 1u << 1,
  kRight = 1u << 2,
  kTop = 1u << 3,
  kBottom = 1u << 4,
};

// Flat rectangle parallel to the wall, o metres out, facing out.
void facade_rect(MeshBuilder& mesh, const Facade& f, double s0, double s1, double z0, double z1,
                 double o);
// Box standing out of the wall between o0 and o1 (the face towards the wall is never drawn).
void facade_box(MeshBuilder& mesh, const Facade& f, double s0, double s1, double z0, double z1,
                double o0, double o1, unsigned faces);

// Fixed-point text for OBJ/MTL numbers; never prints "-0".
std::string fixed(double v, int decimals);

}  // namespace et::gen
