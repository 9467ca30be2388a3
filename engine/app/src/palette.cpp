#include "et/app/palette.h"

#include <cmath>

namespace et::app {

const char* palette_name(Palette p) { return p == Palette::kApwa ? "apwa" : "cjj61"; }

bool palette_from_name(const std::string& n, Palette& out) {
  if (n == "cjj61") return out = Palette::kCjj61, true;
  if (n == "apwa") return out = Palette::kApwa, true;
  return false;
}

glm::u8vec3 utility_color(Palette p, Utility u, const std::string& subtype) {
  if (p == Palette::kCjj61) {
    switch (u) {  // CJJ 61-2017 appendix B (DESIGN.md)
      case Utility::kWater: return {0, 255, 255};
      case Utility::kDrainage: return {76, 57, 38};
      case Utility::kGas: return {255, 0, 255};
      case Utility::kHeat: return {255, 128, 0};
      case Utility::kPower: return {255, 0, 0};
      case Utility::kTelecom: return {0, 255, 0};
      default: return {102, 0, 204};  // unknown
    }
  }
  switch (u) {  // APWA uniform colour code
    case Utility::kWater: return subtype == "reclaimed" ? glm::u8vec3{128, 0, 160}
                                                        : glm::u8vec3{0, 90, 255};
    case Utility::kDrainage: return {0, 160, 60};      // sewers and drain lines: green
    case Utility::kGas: return {255, 220, 0};          // gas, oil, steam: yellow
    case Utility::kHeat: return {255, 220, 0};
    case Utility::kPower: return {230, 0, 0};          // electric: red
    case Utility::kTelecom: return {255, 128, 0};      // communications: orange
    default: return {255, 105, 180};                   // temporary survey marking: pink
  }
}

glm::vec3 srgb_to_linear(glm::u8vec3 c) {
  auto f = [](std::uint8_t v) {
    double x = v / 255.0;
    return float(x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4));
  };
  return {f(c.r), f(c.g), f(c.b)};
}

}  // namespace et::app
