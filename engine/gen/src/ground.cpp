// Ground of an estate or district. The ground is drawn translucent (to see the pipes under
// the lanes), so any overlap would blend twice and any crack would flicker: instead of
// cutting polygons, every region edge becomes a grid line and every grid cell one quad,
// coloured by the highest-priority region containing its centre. Neighbouring estates use
// the same grid lines, and the roads between them are cut at the same lines, so the whole
// district is one crack-free partition.
#include <algorithm>

#include "estate_layout.h"

namespace et::gen {

namespace {

// Sorted distinct grid lines of the estate along one axis, clipped to the site.
std::vector<double> grid_lines(const EstateLayout& e, bool along_x) {
  const double lo = along_x ? e.site.x0 : e.site.y0, hi = along_x ? e.site.x1 : e.site.y1;
  std::vector<double> v = {lo, hi};
  for (const GroundRegion& r : e.regions) {
    const double a = along_x ? r.rect.x0 : r.rect.y0, b = along_x ? r.rect.x1 : r.rect.y1;
    v.push_back(std::clamp(round_cm(a), lo, hi));
    v.push_back(std::clamp(round_cm(b), lo, hi));
  }
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

void cell(MeshBuilder& mesh, Surface s, double x0, double y0, double x1, double y1) {
  mesh.use_material(surface_name(s));
  mesh.quad({x0, y0, 0.0}, {x1, y0, 0.0}, {x1, y1, 0.0}, {x0, y1, 0.0});
}

}  // namespace

MeshBuilder build_ground(const EstateLayout& layout, const District& d) {
  MeshBuilder mesh;
  for (int i = 0; i < kSurfaceCount; ++i) {
    const Surface s = static_cast<Surface>(i);
    mesh.define_material(surface_name(s), surface_colour(s));
  }
  const std::vector<double> xs = grid_lines(layout, true), ys = grid_lines(layout, false);
  const Rect& site = layout.site;

  for (int slot = 0; slot < d.cols * d.rows; ++slot) {
    const glm::dvec2 o = estate_offset(layout, d, slot);
    const bool built = slot < d.estates;  // unused grid slots stay a green lot
    for (std::size_t j = 0; j + 1 < ys.size(); ++j) {
      for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
        const double cx = (xs[i] + xs[i + 1]) / 2, cy = (ys[j] + ys[j + 1]) / 2;
        const Surface s = built ? layout.surface_at(cx, cy) : Surface::kGreen;
        cell(mesh, s, xs[i] + o.x, ys[j] + o.y, xs[i + 1] + o.x, ys[j + 1] + o.y);
      }
    }
    const int col = slot % d.cols, row = slot / d.cols;
    // Road north of this slot, cut at this column's x lines.
    if (row + 1 < d.rows) {
      const double y0 = site.y1 + o.y, y1 = y0 + d.gap;
      for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
        cell(mesh, Surface::kRoad, xs[i] + o.x, y0, xs[i + 1] + o.x, y1);
      }
    }
    // Road east of this slot, cut at this row's y lines.
    if (col + 1 < d.cols) {
      const double x0 = site.x1 + o.x, x1 = x0 + d.gap;
      for (std::size_t j = 0; j + 1 < ys.size(); ++j) {
        cell(mesh, Surface::kRoad, x0, ys[j] + o.y, x1, ys[j + 1] + o.y);
      }
    }
    // Crossing north-east of this slot.
    if (row + 1 < d.rows && col + 1 < d.cols) {
      const double x0 = site.x1 + o.x, y0 = site.y1 + o.y;
      cell(mesh, Surface::kRoad, x0, y0, x0 + d.gap, y0 + d.gap);
    }
  }
  return mesh;
}

}  // namespace et::gen
