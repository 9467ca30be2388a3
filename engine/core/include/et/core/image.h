// RGBA8 images and PNG input/output (libpng).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "et/core/error.h"

namespace et {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4, rows top to bottom

  std::uint8_t* pixel(int x, int y) { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
  const std::uint8_t* pixel(int x, int y) const {
    return &rgba[(static_cast<size_t>(y) * width + x) * 4];
  }
};

// Writes atomically: a failed write leaves no file (and an existing one untouched).
Status write_png(const std::string& path, const Image& image);
// The PNG file's bytes in memory (reports embed them); `name` only labels errors.
Result<std::vector<std::uint8_t>> encode_png(const Image& image, const std::string& name);
Result<Image> read_png(const std::string& path);

struct ImageDiff {
  int differing_pixels = 0;  // pixels with any channel differing by more than the tolerance
  int max_channel_delta = 0;
  Image diff;  // black where equal, red scaled by the difference elsewhere
};

// Compares two images of the same size, channel by channel, under `tolerance` (0..255).
ImageDiff compare_images(const Image& a, const Image& b, int tolerance);

}  // namespace et
