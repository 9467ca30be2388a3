#include "et/scene/view_state.h"

namespace et {
namespace {
constexpr const char* kLayerNames[kLayerCount] = {"buildings", "ground",  "water",
                                                   "drainage",  "gas",     "power",
                                                   "telecom",   "heat",    "drop_lines"};
}

const char* layer_name(Layer layer) {
  int i = static_cast<int>(layer);
  return i >= 0 && i < kLayerCount ? kLayerNames[i] : "unknown";
}

Layer layer_from_name(const std::string& name) {
  for (int i = 0; i < kLayerCount; ++i)
    if (name == kLayerNames[i]) return static_cast<Layer>(i);
  return Layer::kCount;
}

}  // namespace et
