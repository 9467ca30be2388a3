// Utility colours. CJJ 61-2017 appendix B is the default (what Chinese utility drawings
// use); the US APWA uniform colour code is the alternative. Colours are sRGB 0..255.
#pragma once

#include <string>

#include <glm/glm.hpp>

#include "et/scene/network.h"

namespace et::app {

enum class Palette { kCjj61, kApwa };
const char* palette_name(Palette p);                    // "cjj61", "apwa"
bool palette_from_name(const std::string& n, Palette& out);

glm::u8vec3 utility_color(Palette p, Utility u, const std::string& subtype = "");
// sRGB 0..255 -> linear 0..1, for the renderer's element tints.
glm::vec3 srgb_to_linear(glm::u8vec3 c);

}  // namespace et::app
