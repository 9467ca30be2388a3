// Test helper for shell-driven end-to-end tests, built on core's PNG code.
//   et_image_tool info FILE.png            prints "W H distinct_colours"
//   et_image_tool compare A.png B.png TOL MAX_SHARE [x,y,w,h ...]
//       exit 0 when at most MAX_SHARE of pixels differ by more than TOL, outside the
//       optional rectangles (e.g. the UI panels of a window screenshot).
//   et_image_tool region-stats FILE.png x,y,w,h   prints the mean RGB of a rectangle
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>

#include "et/core/image.h"

namespace {

bool parse_rect(const char* s, int r[4]) { return std::sscanf(s, "%d,%d,%d,%d", &r[0], &r[1], &r[2], &r[3]) == 4; }

int load(const char* path, et::Image& out) {
  auto img = et::read_png(path);
  if (!img) {
    std::fprintf(stderr, "%s\n", img.error().message.c_str());
    return 1;
  }
  out = std::move(*img);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return std::fputs("usage: see image_tool.cpp\n", stderr), 2;
  std::string cmd = argv[1];
  et::Image a, b;
  if (load(argv[2], a)) return 1;
  if (cmd == "info") {
    std::set<std::uint32_t> colours;
    for (size_t i = 0; i < a.rgba.size(); i += 4)
      colours.insert(a.rgba[i] | (a.rgba[i + 1] << 8) | (a.rgba[i + 2] << 16));
    std::printf("%d %d %zu\n", a.width, a.height, colours.size());
    return 0;
  }
  if (cmd == "region-stats" && argc == 4) {
    int r[4];
    if (!parse_rect(argv[3], r)) return 2;
    double sum[3] = {0, 0, 0};
    int n = 0;
    for (int y = r[1]; y < r[1] + r[3] && y < a.height; ++y)
      for (int x = r[0]; x < r[0] + r[2] && x < a.width; ++x, ++n)
        for (int c = 0; c < 3; ++c) sum[c] += a.pixel(x, y)[c];
    if (n == 0) return 2;
    std::printf("%.1f %.1f %.1f\n", sum[0] / n, sum[1] / n, sum[2] / n);
    return 0;
  }
  if (cmd == "compare" && argc >= 6) {
    if (load(argv[3], b)) return 1;
    int tol = std::atoi(argv[4]);
    double max_share = std::atof(argv[5]);
    if (a.width != b.width || a.height != b.height) {
      std::printf("size differs: %dx%d vs %dx%d\n", a.width, a.height, b.width, b.height);
      return 1;
    }
    // Blank the ignored rectangles in both, then compare.
    for (int k = 6; k < argc; ++k) {
      int r[4];
      if (!parse_rect(argv[k], r)) return 2;
      for (int y = std::max(r[1], 0); y < r[1] + r[3] && y < a.height; ++y)
        for (int x = std::max(r[0], 0); x < r[0] + r[2] && x < a.width; ++x)
          for (int c = 0; c < 4; ++c) a.pixel(x, y)[c] = b.pixel(x, y)[c] = 0;
    }
    et::ImageDiff d = et::compare_images(a, b, tol);
    double share = double(d.differing_pixels) / (a.width * a.height);
    std::printf("%d pixels (%.4f) differ by more than %d; max delta %d\n", d.differing_pixels,
                share, tol, d.max_channel_delta);
    return share <= max_share ? 0 : 1;
  }
  std::fputs("usage: see image_tool.cpp\n", stderr);
  return 2;
}
