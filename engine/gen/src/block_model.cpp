// Residential walk-up block: what makes it read as a 1980s-90s estate block at street level
// rather than a box - floor bands at every slab, window rows on both long sides, enclosed
// balconies stacked on the south side, one stair bay per unit on the north side with the
// entrance door, canopy and the stair's staggered landing windows.
#include <cstdio>

#include "models.h"

namespace et::gen {

namespace {

// The entrance stair: three risers of 0.15 m up to a landing deep enough to stand at the door.
constexpr double kEntryRise = 0.45, kRiser = 0.15, kTread = 0.3, kLandingDepth = 1.2;

struct Tones {
  Vec3 wall, accent, balcony;
};

Tones tones(Palette p) {
  switch (p) {
    case Palette::kBeige:
      return {{0.84, 0.78, 0.66}, {0.74, 0.66, 0.55}, {0.90, 0.87, 0.80}};
    case Palette::kGrey:
      return {{0.78, 0.78, 0.76}, {0.66, 0.66, 0.65}, {0.88, 0.88, 0.86}};
    case Palette::kBrick:
      return {{0.76, 0.58, 0.49}, {0.64, 0.47, 0.40}, {0.88, 0.84, 0.78}};
    case Palette::kCream:
      return {{0.89, 0.85, 0.74}, {0.77, 0.74, 0.68}, {0.93, 0.92, 0.88}};
  }
  return {{0.8, 0.8, 0.8}, {0.7, 0.7, 0.7}, {0.9, 0.9, 0.9}};
}

const char* palette_name(Palette p) {
  switch (p) {
    case Palette::kBeige:
      return "beige";
    case Palette::kGrey:
      return "grey";
    case Palette::kBrick:
      return "brick";
    case Palette::kCream:
      return "cream";
  }
  return "grey";
}

void define_block_materials(MeshBuilder& mesh, const BlockSpec& spec) {
  Tones t = tones(spec.palette);
  mesh.define_material("wall", t.wall);
  mesh.define_material("stair", t.accent);
  mesh.define_material("balcony", t.balcony);
  mesh.define_material("band", {0.91, 0.90, 0.87});
  mesh.define_material("plinth", {0.48, 0.46, 0.43});
  mesh.define_material("frame", {0.88, 0.89, 0.88});
  mesh.define_material("glass", {0.17, 0.22, 0.27});
  // Enclosed balconies: lighter, more reflective glazing than the flats' windows.
  mesh.define_material("balcony_glass", {0.30, 0.37, 0.42});
  mesh.define_material("door", {0.20, 0.31, 0.28});
  mesh.define_material("canopy", {0.70, 0.70, 0.68});
  mesh.define_material("roof", {0.35, 0.35, 0.36});
  mesh.define_material("coping", {0.72, 0.72, 0.70});
  if (spec.pitched) mesh.define_material("tile", {0.50, 0.31, 0.26});
}

// A horizontal band wrapping the block (floor slab edge, plinth): outer sides plus the
// narrow top and bottom ledges, so it catches light from above and shade from below.
void add_band(MeshBuilder& mesh, double hx, double hy, double z0, double z1, double proud,
              bool bottom) {
  glm::dvec2 in(hx, hy), outer(hx + proud, hy + proud);
  mesh.box({-outer.x, -outer.y, z0}, {outer.x, outer.y, z1}, kSides);
  mesh.ring(in, outer, z1, true);
  if (bottom) mesh.ring(in, outer, z0, false);
}

// South side of one unit: per flat a bedroom window and a stacked column of enclosed
// balconies (solid parapet, glazing above, the next slab), capped under the roof edge.
void add_south_unit(MeshBuilder& mesh, const Facade& f, double xc, int floors, double cap_top) {
  const double h = kFloorHeight, H = floors * h, deep = 1.2;
  for (int side = -1; side <= 1; side += 2) {
    const double s0 = side < 0 ? xc - 3.9 : xc + 0.6;
    const double s1 = side < 0 ? xc - 0.6 : xc + 3.9;
    for (int fl = 0; fl < floors; ++fl) {
      const double z = fl * h;
      add_window(mesh, f, xc + side * 5.1, 1.5, z + 0.9, 1.5);
      const double zp0 = fl == 0 ? 0.0 : z - 0.12, zp1 = z + 1.0, zg1 = z + h - 0.12;
      mesh.use_material("balcony");
      facade_box(mesh, f, s0, s1, zp0, zp1, 0.0, deep, kOut | kLeft | kRight);
      mesh.use_material("balcony_glass");
      facade_box(mesh, f, s0, s1, zp1, zg1, 0.0, deep, kOut | kLeft | kRight);
      mesh.use_material("frame");
      const double third = (s1 - s0) / 3.0;
      for (int m = 1; m <= 2; ++m) {
        const double sm = s0 + m * third;
        facade_rect(mesh, f, sm - 0.03, sm + 0.03, zp1, zg1, deep + 0.02);
      }
    }
    mesh.use_material("balcony");
    facade_box(mesh, f, s0, s1, H - 0.12, cap_top, 0.0, deep, kOut | kLeft | kRight | kTop);
  }
}

// North side of one unit: bedroom and kitchen windows per flat, and the stair bay in the
// middle with the entrance (door, canopy, steps up to a landing) and the landing windows,
// which sit half a storey off the flats' windows - the vertical strip that marks every
// stairwell.
void add_north_unit(MeshBuilder& mesh, const Facade& f, double sc, int floors, double bay_top) {
  const double h = kFloorHeight, bay = 0.3;
  for (int fl = 0; fl < floors; ++fl) {
    const double z = fl * h;
    for (int side = -1; side <= 1; side += 2) {
      add_window(mesh, f, sc + side * 5.0, 1.5, z + 0.9, 1.5);
      add_window(mesh, f, sc + side * 2.6, 1.2, z + 1.0, 1.4);
    }
  }
  mesh.use_material("stair");
  facade_box(mesh, f, sc - 1.4, sc + 1.4, 0.0, bay_top, 0.0, bay, kOut | kLeft | kRight | kTop);
  // The ground floor is raised (as in most walk-ups of the period): the door opens onto a
  // landing kEntryRise up, reached by steps of kRiser with kTread treads, under a canopy
  // that clears a person standing on the landing.
  const double landing = kEntryRise, door_top = landing + 2.05;
  mesh.use_material("frame");
  facade_rect(mesh, f, sc - 0.7, sc + 0.7, landing, door_top + 0.1, bay + 0.01);
  mesh.use_material("door");
  facade_rect(mesh, f, sc - 0.6, sc + 0.6, landing, door_top, bay + 0.03);
  mesh.use_material("canopy");
  facade_box(mesh, f, sc - 1.25, sc + 1.25, door_top + 0.3, door_top + 0.45, bay,
             bay + kLandingDepth + 0.2, kOut | kLeft | kRight | kTop | kBottom);
  mesh.use_material("plinth");
  const int steps = int(kEntryRise / kRiser + 0.5);
  for (int i = 0; i < steps; ++i) {  // the landing, then each step down and out
    const double o0 = i == 0 ? bay : bay + kLandingDepth + (i - 1) * kTread;
    facade_box(mesh, f, sc - 1.0, sc + 1.0, 0.0, landing - i * kRiser, o0,
               bay + kLandingDepth + i * kTread, kOut | kLeft | kRight | kTop);
  }
  for (int fl = 1; fl < floors; ++fl) {
    const double sill = (fl + 0.5) * h + 0.85;
    if (sill + 0.9 > bay_top - 0.15) break;
    add_window(mesh, f, sc, 0.9, sill, 0.9, bay);
  }
}

}  // namespace

void add_window(MeshBuilder& mesh, const Facade& f, double s_centre, double width, double z_sill,
                double height, double o) {
  const double s0 = s_centre - width / 2, s1 = s_centre + width / 2;
  mesh.use_material("frame");
  facade_rect(mesh, f, s0 - 0.06, s1 + 0.06, z_sill - 0.06, z_sill + height + 0.06, o + 0.03);
  mesh.use_material("glass");
  facade_rect(mesh, f, s0, s1, z_sill, z_sill + height, o + 0.05);
  if (width >= 1.2) {
    mesh.use_material("frame");
    facade_rect(mesh, f, s_centre - 0.03, s_centre + 0.03, z_sill, z_sill + height, o + 0.07);
  }
  mesh.use_material("band");
  facade_box(mesh, f, s0 - 0.1, s1 + 0.1, z_sill - 0.14, z_sill - 0.06, o, o + 0.1,
             kOut | kTop | kBottom);
}

std::string block_model_name(const BlockSpec& spec) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "block_%df_%du%s_%s", spec.floors, spec.units,
                spec.pitched ? "_pitched" : "", palette_name(spec.palette));
  return buf;
}

double block_length(const BlockSpec& spec) { return spec.units * kUnitWidth; }

double block_height(const BlockSpec& spec) {
  const double H = spec.floors * kFloorHeight;
  return spec.pitched ? H + pitched_roof_rise(kBlockDepth / 2) : H + kParapetHeight;
}

MeshBuilder build_block(const BlockSpec& spec) {
  MeshBuilder mesh;
  define_block_materials(mesh, spec);
  const double hx = block_length(spec) / 2, hy = kBlockDepth / 2;
  const double H = spec.floors * kFloorHeight;
  const double wall_top = spec.pitched ? H + kPitchedWallTop : H + kParapetHeight;

  mesh.use_material("wall");
  mesh.box({-hx, -hy, 0.0}, {hx, hy, wall_top}, kSides);
  mesh.use_material("plinth");
  add_band(mesh, hx, hy, 0.0, 0.6, 0.05, false);
  mesh.use_material("band");
  for (int fl = 1; fl <= spec.floors; ++fl) {
    add_band(mesh, hx, hy, fl * kFloorHeight - 0.08, fl * kFloorHeight + 0.08, 0.06, true);
  }

  const Facade south = south_facade(hy), north = north_facade(hy);
  // Under a pitched roof's eaves the balcony cap and stair bay stop lower.
  const double cap_top = spec.pitched ? H + 0.05 : H + 0.1;
  const double bay_top = spec.pitched ? H : H + kParapetHeight;
  for (int u = 0; u < spec.units; ++u) {
    const double xc = -hx + (u + 0.5) * kUnitWidth;
    add_south_unit(mesh, south, xc, spec.floors, cap_top);
    add_north_unit(mesh, north, -xc, spec.floors, bay_top);  // s runs westwards on the north
  }
  // Gable ends: one small window a storey, on the south half of the east and west walls.
  const Facade east = east_facade(hx), west = west_facade(hx);
  for (int fl = 0; fl < spec.floors; ++fl) {
    add_window(mesh, east, -2.5, 0.9, fl * kFloorHeight + 1.0, 1.2);
    add_window(mesh, west, 2.5, 0.9, fl * kFloorHeight + 1.0, 1.2);
  }

  if (spec.pitched) {
    add_pitched_roof(mesh, hx, hy, H);
  } else {
    add_flat_roof(mesh, spec, hx, hy, H);
  }
  return mesh;
}

}  // namespace et::gen
