// Roofs of the residential blocks. Most blocks of the period have a flat roof behind a
// parapet, with a small stair bulkhead per unit giving roof access; some estates had a
// shallow pitched roof added later (flat-to-pitched retrofits against leaks and heat).
#include <cmath>

#include "models.h"

namespace et::gen {

namespace {
constexpr double kParapetThickness = 0.2;
constexpr double kPitchDeg = 22.0;
constexpr double kEaves = 0.5;       // overhang beyond the long walls
constexpr double kVerge = 0.4;       // overhang beyond the gables
constexpr double kRoofThick = 0.18;  // vertical thickness of the roof slab

double pitch_tan() { return std::tan(kPitchDeg * 3.14159265358979323846 / 180.0); }
}  // namespace

double pitched_roof_rise(double hy) { return kPitchedWallTop + hy * pitch_tan() + kRoofThick; }

void add_flat_roof(MeshBuilder& mesh, const BlockSpec& spec, double hx, double hy, double H) {
  const double t = kParapetThickness, top = H + kParapetHeight;
  mesh.use_material("roof");
  mesh.quad({-hx + t, -hy + t, H}, {hx - t, -hy + t, H}, {hx - t, hy - t, H}, {-hx + t, hy - t, H});
  // Inside faces of the parapet, seen from the roof or from above.
  mesh.use_material("wall");
  mesh.box({-hx + t, -hy + t, H}, {hx - t, hy - t, top}, kSides, true);
  mesh.use_material("coping");
  mesh.ring({hx - t, hy - t}, {hx, hy}, top, true);

  // Stair bulkheads above each stairwell, kept clear of the parapet so no faces coincide.
  const double y0 = hy - 3.4, y1 = hy - 0.4, z1 = H + 2.2;
  const Facade door_side{{0.0, y0, 0.0}, {1, 0, 0}, {0, -1, 0}};
  for (int u = 0; u < spec.units; ++u) {
    const double xc = -hx + (u + 0.5) * kUnitWidth;
    mesh.use_material("wall");
    mesh.box({xc - 1.4, y0, H}, {xc + 1.4, y1, z1}, kSides);
    mesh.use_material("coping");
    mesh.box({xc - 1.5, y0 - 0.1, z1}, {xc + 1.5, y1 + 0.1, z1 + 0.12}, kSides | kZPlus | kZMinus);
    mesh.use_material("door");
    facade_rect(mesh, door_side, xc - 0.45, xc + 0.45, H + 0.05, H + 1.95, 0.02);
  }
}

void add_pitched_roof(MeshBuilder& mesh, double hx, double hy, double H) {
  const double t = pitch_tan(), Hw = H + kPitchedWallTop;
  const double x0 = -hx - kVerge, x1 = hx + kVerge, ye = hy + kEaves;
  // Underside (u) and top (t) heights at the eaves (e) and the ridge (r).
  const double zeu = Hw - kEaves * t, zru = Hw + hy * t;
  const double zet = zeu + kRoofThick, zrt = zru + kRoofThick;

  mesh.use_material("tile");
  mesh.quad({x0, -ye, zet}, {x1, -ye, zet}, {x1, 0, zrt}, {x0, 0, zrt});
  mesh.quad({x1, ye, zet}, {x0, ye, zet}, {x0, 0, zrt}, {x1, 0, zrt});
  // Soffits and the roof's edges: seen from the street, looking up under the eaves.
  mesh.use_material("band");
  mesh.quad({x0, -ye, zeu}, {x0, 0, zru}, {x1, 0, zru}, {x1, -ye, zeu});
  mesh.quad({x1, ye, zeu}, {x1, 0, zru}, {x0, 0, zru}, {x0, ye, zeu});
  mesh.quad({x0, -ye, zeu}, {x1, -ye, zeu}, {x1, -ye, zet}, {x0, -ye, zet});
  mesh.quad({x1, ye, zeu}, {x0, ye, zeu}, {x0, ye, zet}, {x1, ye, zet});
  mesh.quad({x1, -ye, zeu}, {x1, 0, zru}, {x1, 0, zrt}, {x1, -ye, zet});
  mesh.quad({x1, 0, zru}, {x1, ye, zeu}, {x1, ye, zet}, {x1, 0, zrt});
  mesh.quad({x0, 0, zru}, {x0, -ye, zeu}, {x0, -ye, zet}, {x0, 0, zrt});
  mesh.quad({x0, ye, zeu}, {x0, 0, zru}, {x0, 0, zrt}, {x0, ye, zet});
  // Gable triangles close the attic between the wall top and the roof underside.
  mesh.use_material("wall");
  mesh.triangle({hx, -hy, Hw}, {hx, hy, Hw}, {hx, 0, zru});
  mesh.triangle({-hx, hy, Hw}, {-hx, -hy, Hw}, {-hx, 0, zru});
}

}  // namespace et::gen
