// Writes the estates' utility networks as GeoJSON FeatureCollections (README "Networks"):
// OUT/networks/{water,drainage,gas,power,telecom}.geojson, WGS84 lon/lat, one feature a line.
// Internal to et_gen.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "estate_layout.h"
#include "et/core/error.h"
#include "et/core/geo.h"

namespace et::gen {

// One estate of a district, as estate.cpp lays it out.
struct EstatePlacement {
  std::string prefix;      // "" or "E001-": prefixes node, link and building ids
  glm::dvec2 offset{0.0};  // from estate 0, metres
  std::vector<int> block_years;
};

struct NetworkFile {
  std::string utility;  // scene.json "networks" entry
  std::string file;     // relative to the scene folder
  double km = 0.0;      // total 3D length of its links, all estates
};

struct EstateNets;

// Builds every estate's networks, writes the five files; the entries for scene.json come
// back in `files`, and the first estate's networks in `first` when given (the plans are
// built from them, so their ids are the files' ids).
Status write_networks(const EstateLayout& layout, const std::vector<EstatePlacement>& estates,
                      std::uint32_t seed, const GeoOrigin& origin, const std::string& out_dir,
                      std::vector<NetworkFile>& files, EstateNets* first = nullptr);

}  // namespace et::gen
