// A triangle mesh as plain arrays, as loaded from a model file. Colours are per vertex,
// sRGB RGBA8 packed little-endian (r in the low byte), taken from the file's materials.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace et {

struct Mesh {
  std::vector<glm::vec3> positions;  // scene-frame axes (z up), model-local origin
  std::vector<glm::vec3> normals;
  std::vector<std::uint32_t> colors;
  std::vector<std::uint32_t> indices;  // triangles
  glm::vec3 bounds_min{0.0f};
  glm::vec3 bounds_max{0.0f};

  size_t triangle_count() const { return indices.size() / 3; }
};

constexpr std::uint32_t pack_rgba(std::uint8_t r, std::uint8_t g, std::uint8_t b,
                                  std::uint8_t a = 255) {
  return std::uint32_t(r) | (std::uint32_t(g) << 8) | (std::uint32_t(b) << 16) |
         (std::uint32_t(a) << 24);
}

}  // namespace et
