#include "et/app/frame_setup.h"

#include "et/app/camera.h"

namespace et::app {

std::uint32_t layer_mask(const ViewState& v) {
  std::uint32_t mask = 0;
  for (int i = 0; i < kLayerCount; ++i)
    if (v.layers[i]) mask |= 1u << i;
  return mask | 1u << kStructureLayer;  // plan structures have no layer of their own to hide
}

render::FrameParams frame_params(const ViewState& v, int width, int height, double far_m) {
  render::FrameParams f;
  f.view = view_matrix(v.camera);
  f.proj = projection_matrix(v.camera, double(width) / double(height > 0 ? height : 1), far_m);
  f.camera_pos = glm::vec3(v.camera.eye);
  f.ground_opacity = v.layer_visible(Layer::kGround) ? float(v.ground_opacity) : 0.0f;
  f.layer_mask = layer_mask(v);
  f.fog_distance = float(far_m * 0.6);
  f.xray = v.xray;
  for (Layer l : {Layer::kWater, Layer::kDrainage, Layer::kGas, Layer::kPower, Layer::kTelecom,
                  Layer::kHeat, Layer::kDropLines})
    f.xray_layer_mask |= 1u << static_cast<int>(l);
  f.excavation = v.excavation.enabled;
  f.excavation_min = glm::vec3(v.excavation.min);
  f.excavation_max = glm::vec3(v.excavation.max);
  if (v.section.enabled)  // plane n.p + d = 0; n.p + d > 0 is cut away
    f.section_plane = glm::vec4(glm::vec3(v.section.normal),
                                float(-glm::dot(v.section.normal, v.section.point)));
  return f;
}

OverlayResult overlay_for(const Scene& scene, const SceneWorld& sw, const ViewState& v,
                          const OverlayData* data) {
  Palette p = Palette::kCjj61;
  palette_from_name(v.palette, p);
  OverlayMode mode = OverlayMode::kUtility;
  overlay_from_name(v.overlay, mode);
  OverlayInputs in;
  in.year = 2026.0;
  if (data) {
    in.breaks = &data->breaks;
    in.link_values = &data->link_values;
    in.node_values = &data->node_values;
    in.value_unit = data->unit;
  }
  return compute_overlay(scene, sw, mode, p, in);
}

render::FrameParams prepare_frame(render::Renderer& r, const Scene& scene, const SceneWorld& sw,
                                  const ViewState& v, const OverlayData* data,
                                  ui::Legend* legend) {
  OverlayResult o = overlay_for(scene, sw, v, data);
  r.set_elements(o.elements);
  if (legend) *legend = std::move(o.legend);
  r.set_dynamic_instances(excavation_instances(sw, v.excavation));
  return frame_params(v, r.width(), r.height(), sw.far_m);
}

}  // namespace et::app
