#include "et/app/frame_setup.h"

#include "et/app/camera.h"

namespace et::app {

std::uint32_t layer_mask(const ViewState& v) {
  std::uint32_t mask = 0;
  for (int i = 0; i < kLayerCount; ++i)
    if (v.layers[i]) mask |= 1u << i;
  return mask;
}

render::FrameParams frame_params(const ViewState& v, int width, int height, double far_m) {
  render::FrameParams f;
  f.view = view_matrix(v.camera);
  f.proj = projection_matrix(v.camera, double(width) / double(height > 0 ? height : 1), far_m);
  f.camera_pos = glm::vec3(v.camera.eye);
  f.ground_opacity = v.layer_visible(Layer::kGround) ? float(v.ground_opacity) : 0.0f;
  f.layer_mask = layer_mask(v);
  f.fog_distance = float(far_m * 0.6);
  return f;
}

}  // namespace et::app
