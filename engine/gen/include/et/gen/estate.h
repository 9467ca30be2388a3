// Deterministic generator for the pilot estate "Muyanghu" (and districts of copies of it,
// for scale benchmarks). The output is an ordinary scene folder, so everything downstream
// (loader, renderer, analyses) is exercised on it exactly as on a surveyed estate.
#pragma once

#include <cstdint>
#include <string>

#include "et/core/error.h"

namespace et::gen {

struct EstateOptions {
  int estates = 1;         // >1 lays out N estates as a district (grid), for scale benchmarks
  std::uint32_t seed = 1;  // deterministic: same options -> byte-identical files
};

// Writes a complete scene folder: OUT/scene.json, OUT/models/*.obj + *.mtl, OUT/ground.obj(+mtl).
// Creates OUT and OUT/models if missing. Every file written atomically via et::write_text_atomic.
Status generate_estate(const EstateOptions& options, const std::string& out_dir);

}  // namespace et::gen
