// Building and utility models of the generated estate. Internal to et_gen.
// Every model: origin at the centre of its footprint at ground level, long axis along +x,
// north (+y) is the entrance side of residential blocks, Z up, metres.
#pragma once

#include <string>

#include "mesh.h"

namespace et::gen {

// Typical 1980s-1990s walk-up: 2.9 m storeys, 12 m deep, stairwell units 13.2 m wide with
// two flats a floor (two ~6.6 x 12 m flats either side of the stair).
constexpr double kFloorHeight = 2.9;
constexpr double kBlockDepth = 12.0;
constexpr double kUnitWidth = 13.2;
constexpr double kParapetHeight = 0.8;

// Muted facade tones of the period; blocks differ by palette.
enum class Palette { kBeige, kGrey, kBrick, kCream };
constexpr int kPaletteCount = 4;

struct BlockSpec {
  int floors = 6;
  int units = 3;         // stairwell units along the block
  bool pitched = false;  // shallow pitched roof (a later flat-to-pitched retrofit)
  Palette palette = Palette::kBeige;
};

std::string block_model_name(const BlockSpec& spec);
double block_length(const BlockSpec& spec);
// Top of the parapet (flat roof) or of the ridge (pitched roof), above ground.
double block_height(const BlockSpec& spec);
MeshBuilder build_block(const BlockSpec& spec);

// Roofs (block_roof.cpp), called by build_block with the materials already defined.
// H is the roof slab level (floors x storey height).
void add_flat_roof(MeshBuilder& mesh, const BlockSpec& spec, double hx, double hy, double H);
void add_pitched_roof(MeshBuilder& mesh, double hx, double hy, double H);
// Height of the pitched roof's ridge top above the roof slab level H.
double pitched_roof_rise(double hy);
// Walls of a pitched-roof block stop this far above the roof slab (a short cornice).
constexpr double kPitchedWallTop = 0.3;

// Small utility structures (utility_models.cpp). Sizes are footprint x, y and height.
struct UtilityModel {
  std::string name;
  double length, depth, height;
};
// Pump house of the secondary water supply: single storey, 10 x 8 m, 4.0 m.
UtilityModel pump_house_info();
MeshBuilder build_pump_house();
// Box-type substation, 3 x 2 x 2.5 m.
UtilityModel transformer_info();
MeshBuilder build_transformer();
// Gas pressure regulator cabinet, 1.5 x 1.0 x 1.8 m.
UtilityModel gas_regulator_info();
MeshBuilder build_gas_regulator();
// Telecom cross-connect cabinet, 1.0 x 0.5 x 1.5 m.
UtilityModel telecom_cabinet_info();
MeshBuilder build_telecom_cabinet();

// A window on a facade: frame, dark glass slightly proud of the wall, a mullion on wide
// windows and a sill. `o` is the wall plane's own offset (0 for the main wall).
void add_window(MeshBuilder& mesh, const Facade& f, double s_centre, double width, double z_sill,
                double height, double o = 0.0);

}  // namespace et::gen
